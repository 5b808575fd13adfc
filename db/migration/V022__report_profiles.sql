-- Lead profiles for the reports' rollups (README "Reports", ReportProfile): the combination of a lead's channel
-- (lead.source), campaign, landing page and region, which never change after capture. Besides V019's slices
-- (all, one dimension, rep, team) every rollup table gets a slice per profile: dim 'profile' (dim_value = the
-- profile id); and one per pair of a rep and a team of the lead: dim 'rt' (rep|team). A filter of two or more of
-- channel, campaign, landing page and region sums the slices of the profiles it matches, found here, instead of
-- reading every lead of the period; a rep and a team read their pair's slice.
--
-- profile_id: ReportProfile.id, the first 16 hex digits of the values' SHA-256 (computed in Java alike by the
-- projection, V023's backfill and a rebuild). Written by ReportProjection (insert ignore) when a lead of a new
-- combination is first projected; never deleted (a profile without leads sums to nothing).
create table report_profile (
  profile_id   varchar(16)  not null primary key,
  source       varchar(40)  not null,
  campaign     varchar(200),
  landing_page varchar(500),
  region       varchar(100)
);
