-- Spend joins the rollups: the fold sums ledger entries into the same rows as the events (spend per
-- campaign and UTC hour, per campaign, local day and channel), so a report reads events and cost in one
-- pass over one set of rows instead of two (see RollupFolder and EventTotals).

-- The order entries are folded in: like event ids, drawn under the event fence's shared lock (EventFence),
-- so that whatever the fold reads as settled is committed.
create sequence spend_entries_seq_seq as bigint cache 1;
alter table spend_entries add column seq bigint;
alter table spend_entries disable trigger spend_entries_append_only;
update spend_entries s set seq = n.seq
  from (select id, nextval('spend_entries_seq_seq') as seq from (select id from spend_entries order by recorded_at, id) o) n
 where n.id = s.id;
alter table spend_entries enable trigger spend_entries_append_only;
alter table spend_entries alter column seq set default nextval('spend_entries_seq_seq'), alter column seq set not null;
alter sequence spend_entries_seq_seq owned by spend_entries.seq;
create unique index spend_entries_seq_idx on spend_entries (seq);
-- the ledger's tail (entries after the watermark) of a report's campaigns
create index spend_entries_tail_idx on spend_entries (campaign_id, seq);

alter table event_rollups_hourly add column spend numeric(18,2) not null default 0;
alter table event_rollups_daily add column spend numeric(18,2) not null default 0;
-- the daily rollups' primary key holds every measure, for index-only scans
alter table event_rollups_daily drop constraint event_rollups_daily_pkey;
alter table event_rollups_daily add constraint event_rollups_daily_pkey primary key (campaign_id, dimension, day, dimension_value, is_bot)
    include (impressions, views, clicks, conversions, revenue, spend);

-- one watermark per folded source: the last event id, the last ledger seq
alter table rollup_watermarks rename column last_event_id to last_id;
insert into rollup_watermarks (name, last_id) values ('spend_entries', 0);
