-- What a KPI's status is judged against: 'target' (seed 000's thresholds on the whole target) or 'pace'
-- (the part of the target due by now); null takes the default of its metric (pace for cumulative ones).
alter table campaign_kpis add column judged_by varchar(16) check (judged_by in ('target', 'pace'));
