-- Seed 000's budget anti-pattern is overspending without monitoring: a campaign can ask to be paused (with its
-- channels) once its spend reaches its budget.
alter table campaigns add column hard_budget_stop boolean not null default false;
