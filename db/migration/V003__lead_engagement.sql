-- Engagement events from leads.engagement (page views, email clicks, webinars ...). Also the inbox:
-- event_id is unique, so a redelivered or resent event counts once. lead_id is null while the
-- contact is anonymous (an email no open lead has); the capture of that email attaches it.
create table lead_engagement_event (
  id          bigint        not null auto_increment primary key,
  event_id    varchar(100)  not null,
  lead_id     varchar(36),
  email       varchar(254),
  type        varchar(30)   not null,
  points      int           not null,
  occurred_at datetime(3)   not null,
  received_at datetime(3)   not null,
  source      varchar(100),
  detail      varchar(500),
  attached_at datetime(3),
  constraint ux_lead_engagement_event unique (event_id)
);
create index ix_lead_engagement_event_lead on lead_engagement_event (lead_id, occurred_at);
create index ix_lead_engagement_event_email on lead_engagement_event (email, lead_id);
