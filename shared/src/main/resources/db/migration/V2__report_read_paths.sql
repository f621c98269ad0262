-- Report reads that touch few pages and plan once (see EventTotals and the Database section of the README).

-- The raw tail of a report (its campaigns' events after the rollups' watermark) is found through this
-- index whatever the events' occurred_at, so the statement needs no time range on the tail and keeps one
-- plan for every call instead of being planned for each call's values.
create index campaign_events_tail_idx on campaign_events (campaign_id, id);

-- Daily rollups, one partition per dimension, each with a primary key that holds the counts: a dashboard
-- reads a campaign's days of one dimension from a few adjacent index pages (an index-only scan) instead of
-- one heap page per row, the rows of one dimension being scattered among the others' by the folds.
create table event_rollups_daily_by_dimension (
    campaign_id     uuid          not null,
    -- the day in the campaign's reporting time zone
    day             date          not null,
    -- 'total' (dimension_value ''), 'channel', 'audience_segment' or 'device_type'
    dimension       varchar(20)   not null,
    dimension_value varchar(100)  not null,
    is_bot          boolean       not null,
    impressions     bigint        not null default 0,
    views           bigint        not null default 0,
    clicks          bigint        not null default 0,
    conversions     bigint        not null default 0,
    revenue         numeric(18,2) not null default 0,
    constraint event_rollups_daily_by_dimension_pkey primary key (campaign_id, dimension, day, dimension_value, is_bot)
        include (impressions, views, clicks, conversions, revenue)
) partition by list (dimension);
create table event_rollups_daily_total partition of event_rollups_daily_by_dimension for values in ('total');
create table event_rollups_daily_channel partition of event_rollups_daily_by_dimension for values in ('channel');
create table event_rollups_daily_audience_segment partition of event_rollups_daily_by_dimension for values in ('audience_segment');
create table event_rollups_daily_device_type partition of event_rollups_daily_by_dimension for values in ('device_type');

insert into event_rollups_daily_by_dimension
select campaign_id, day, dimension, dimension_value, is_bot, impressions, views, clicks, conversions, revenue
  from event_rollups_daily;
drop table event_rollups_daily;
alter table event_rollups_daily_by_dimension rename to event_rollups_daily;
alter index event_rollups_daily_by_dimension_pkey rename to event_rollups_daily_pkey;

-- Ledger entries read by time (reports in a zone other than the campaign's, the hours a day boundary cuts,
-- budget alerts) come from the index alone (the ledger is append-only, so its pages are all visible after
-- a vacuum).
drop index spend_entries_campaign_idx;
create index spend_entries_campaign_idx on spend_entries (campaign_id, occurred_at) include (channel_id, amount);
