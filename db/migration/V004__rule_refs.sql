-- Decision tables name their rules: a score line's rule is a RuleDecision ref such as
-- lead-fit-score:v12/Rule_MidsizeCompany (longer than the 60 characters of V001), and an invalid
-- lead keeps the validity rule that decided (valid or not) and, when invalid, the facts in words.
alter table lead_score_event modify rule_id varchar(120) not null;
alter table lead add column validity_rule varchar(120);
alter table lead add column invalid_detail varchar(300);
