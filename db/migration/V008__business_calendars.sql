-- Business calendars: the working time every SLA timer and task due date counts in
-- (org.leadflow.calendar). Working hours are local wall-clock times in the calendar's IANA time zone;
-- a day without hours (weekend) or with a holiday has no working time. A team without a calendar,
-- and a null team, use the calendar 'default'.
create table lead_calendar (
  id         varchar(40)  not null primary key,
  name       varchar(100) not null,
  time_zone  varchar(60)  not null,
  updated_at datetime(3)  not null,
  updated_by varchar(64)  not null
);

-- One or more intervals per weekday (MONDAY..SUNDAY), 'HH:mm' with ends_at up to '24:00'; intervals of
-- a day do not overlap (checked by the REST API).
create table lead_calendar_hours (
  calendar_id varchar(40) not null,
  day_of_week varchar(9)  not null,
  starts_at   varchar(5)  not null,
  ends_at     varchar(5)  not null,
  primary key (calendar_id, day_of_week, starts_at),
  constraint fk_lead_calendar_hours_calendar foreign key (calendar_id) references lead_calendar (id)
);

-- Whole days off, dated in the calendar's time zone.
create table lead_calendar_holiday (
  calendar_id  varchar(40)  not null,
  holiday_date date         not null,
  name         varchar(100) not null,
  primary key (calendar_id, holiday_date),
  constraint fk_lead_calendar_holiday_calendar foreign key (calendar_id) references lead_calendar (id)
);

alter table lead_team add column calendar_id varchar(40);
alter table lead_team add constraint fk_lead_team_calendar foreign key (calendar_id) references lead_calendar (id);

-- Reference calendars. 'default': Monday to Friday 09:00-17:00 UTC, no holidays.
insert into lead_calendar (id, name, time_zone, updated_at, updated_by) values
  ('default', 'Default (Mon-Fri 09:00-17:00 UTC)', 'UTC', current_timestamp(3), 'V008'),
  ('de-berlin', 'Germany (Berlin), national public holidays', 'Europe/Berlin', current_timestamp(3), 'V008'),
  ('fr-paris', 'France (Paris), public holidays', 'Europe/Paris', current_timestamp(3), 'V008');

insert into lead_calendar_hours (calendar_id, day_of_week, starts_at, ends_at) values
  ('default', 'MONDAY', '09:00', '17:00'), ('default', 'TUESDAY', '09:00', '17:00'),
  ('default', 'WEDNESDAY', '09:00', '17:00'), ('default', 'THURSDAY', '09:00', '17:00'),
  ('default', 'FRIDAY', '09:00', '17:00'),
  ('de-berlin', 'MONDAY', '09:00', '17:00'), ('de-berlin', 'TUESDAY', '09:00', '17:00'),
  ('de-berlin', 'WEDNESDAY', '09:00', '17:00'), ('de-berlin', 'THURSDAY', '09:00', '17:00'),
  ('de-berlin', 'FRIDAY', '09:00', '17:00'),
  ('fr-paris', 'MONDAY', '09:00', '17:00'), ('fr-paris', 'TUESDAY', '09:00', '17:00'),
  ('fr-paris', 'WEDNESDAY', '09:00', '17:00'), ('fr-paris', 'THURSDAY', '09:00', '17:00'),
  ('fr-paris', 'FRIDAY', '09:00', '17:00');

-- German national public holidays (gesetzliche Feiertage in all Laender), 2026 and 2027.
insert into lead_calendar_holiday (calendar_id, holiday_date, name) values
  ('de-berlin', '2026-01-01', 'Neujahr'),
  ('de-berlin', '2026-04-03', 'Karfreitag'),
  ('de-berlin', '2026-04-06', 'Ostermontag'),
  ('de-berlin', '2026-05-01', 'Tag der Arbeit'),
  ('de-berlin', '2026-05-14', 'Christi Himmelfahrt'),
  ('de-berlin', '2026-05-25', 'Pfingstmontag'),
  ('de-berlin', '2026-10-03', 'Tag der Deutschen Einheit'),
  ('de-berlin', '2026-12-25', '1. Weihnachtstag'),
  ('de-berlin', '2026-12-26', '2. Weihnachtstag'),
  ('de-berlin', '2027-01-01', 'Neujahr'),
  ('de-berlin', '2027-03-26', 'Karfreitag'),
  ('de-berlin', '2027-03-29', 'Ostermontag'),
  ('de-berlin', '2027-05-01', 'Tag der Arbeit'),
  ('de-berlin', '2027-05-06', 'Christi Himmelfahrt'),
  ('de-berlin', '2027-05-17', 'Pfingstmontag'),
  ('de-berlin', '2027-10-03', 'Tag der Deutschen Einheit'),
  ('de-berlin', '2027-12-25', '1. Weihnachtstag'),
  ('de-berlin', '2027-12-26', '2. Weihnachtstag');

-- French public holidays (jours feries), 2026 and 2027.
insert into lead_calendar_holiday (calendar_id, holiday_date, name) values
  ('fr-paris', '2026-01-01', 'Jour de l''an'),
  ('fr-paris', '2026-04-06', 'Lundi de Paques'),
  ('fr-paris', '2026-05-01', 'Fete du Travail'),
  ('fr-paris', '2026-05-08', 'Victoire 1945'),
  ('fr-paris', '2026-05-14', 'Ascension'),
  ('fr-paris', '2026-05-25', 'Lundi de Pentecote'),
  ('fr-paris', '2026-07-14', 'Fete nationale'),
  ('fr-paris', '2026-08-15', 'Assomption'),
  ('fr-paris', '2026-11-01', 'Toussaint'),
  ('fr-paris', '2026-11-11', 'Armistice 1918'),
  ('fr-paris', '2026-12-25', 'Noel'),
  ('fr-paris', '2027-01-01', 'Jour de l''an'),
  ('fr-paris', '2027-03-29', 'Lundi de Paques'),
  ('fr-paris', '2027-05-01', 'Fete du Travail'),
  ('fr-paris', '2027-05-06', 'Ascension'),
  ('fr-paris', '2027-05-08', 'Victoire 1945'),
  ('fr-paris', '2027-05-17', 'Lundi de Pentecote'),
  ('fr-paris', '2027-07-14', 'Fete nationale'),
  ('fr-paris', '2027-08-15', 'Assomption'),
  ('fr-paris', '2027-11-01', 'Toussaint'),
  ('fr-paris', '2027-11-11', 'Armistice 1918'),
  ('fr-paris', '2027-12-25', 'Noel');
