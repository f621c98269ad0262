-- Campaign functions: the schema every function shares.
-- Money is NUMERIC in the campaign's currency, time is timestamptz, and every campaign names the
-- IANA time zone its reports are bucketed in. Rows two writers can edit carry a version column.

-- ---------------------------------------------------------------------------------------------
-- Campaigns and their channels
-- ---------------------------------------------------------------------------------------------
create table campaigns (
    id              uuid          primary key,
    name            varchar(255)  not null,
    description     text,
    type            varchar(32)   not null,
    status          varchar(16)   not null default 'draft',
    start_date      timestamptz   not null,
    end_date        timestamptz   not null,
    budget          numeric(14,2) not null default 0,
    contingency     numeric(14,2) not null default 0,
    -- maintained by the spend ledger in the same transaction as each entry (see spend_entries)
    actual_spend    numeric(14,2) not null default 0,
    currency        char(3)       not null,
    time_zone       varchar(64)   not null,
    target_audience text[]        not null default '{}',
    objectives      text[]        not null default '{}',
    pause_reason    text,
    cancel_reason   text,
    launched_at     timestamptz,
    paused_at       timestamptz,
    completed_at    timestamptz,
    cancelled_at    timestamptz,
    final_report    jsonb,
    created_by      varchar(255)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    constraint campaigns_type_check check (type in ('email', 'social', 'paid_search', 'display', 'influencer',
                                                     'affiliate', 'content', 'event', 'multichannel')),
    constraint campaigns_status_check check (status in ('draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled')),
    constraint campaigns_dates_check check (end_date > start_date),
    constraint campaigns_money_check check (budget >= 0 and contingency >= 0 and contingency <= budget),
    constraint campaigns_currency_check check (currency ~ '^[A-Z]{3}$')
);
create index campaigns_status_idx on campaigns (status);
create index campaigns_dates_idx on campaigns (start_date, end_date);
create index campaigns_created_idx on campaigns (created_at);

create table campaign_channels (
    campaign_id uuid         not null references campaigns (id) on delete cascade,
    channel_id  varchar(64)  not null,
    platform    varchar(32)  not null,
    config      jsonb        not null default '{}',
    status      varchar(16)  not null default 'pending',
    position    integer      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    primary key (campaign_id, channel_id),
    constraint campaign_channels_status_check check (status in ('pending', 'active', 'paused', 'completed'))
);
create index campaign_channels_channel_idx on campaign_channels (channel_id);

-- Every lifecycle transition: who, when, from, to, why.
create table campaign_transitions (
    id          bigserial    primary key,
    campaign_id uuid         not null references campaigns (id) on delete cascade,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    reason      text,
    actor       varchar(255) not null,
    occurred_at timestamptz  not null
);
create index campaign_transitions_campaign_idx on campaign_transitions (campaign_id, id);

-- ---------------------------------------------------------------------------------------------
-- Budgets: per-channel allocations and the append-only spend ledger
-- ---------------------------------------------------------------------------------------------
create table channel_allocations (
    campaign_id uuid          not null,
    channel_id  varchar(64)   not null,
    allocated   numeric(14,2) not null,
    -- maintained by the spend ledger in the same transaction as each entry
    spent       numeric(14,2) not null default 0,
    updated_at  timestamptz   not null,
    primary key (campaign_id, channel_id),
    foreign key (campaign_id, channel_id) references campaign_channels (campaign_id, channel_id) on delete cascade,
    constraint channel_allocations_allocated_check check (allocated >= 0)
);

create table spend_entries (
    id                  uuid          primary key,
    campaign_id         uuid          not null references campaigns (id) on delete restrict,
    channel_id          varchar(64),
    entry_type          varchar(16)   not null,
    -- signed: a spend is positive, a refund negative; a correction is a new entry, never an edit
    amount              numeric(14,2) not null,
    currency            char(3)       not null,
    description         varchar(1000),
    external_reference  varchar(255),
    idempotency_key     varchar(255),
    request_fingerprint varchar(64),
    corrects_entry_id   uuid          references spend_entries (id),
    occurred_at         timestamptz   not null,
    recorded_at         timestamptz   not null,
    recorded_by         varchar(255)  not null,
    constraint spend_entries_sign_check check ((entry_type = 'spend' and amount > 0) or (entry_type = 'refund' and amount < 0))
);
create unique index spend_entries_idempotency_idx on spend_entries (campaign_id, idempotency_key) where idempotency_key is not null;
create index spend_entries_campaign_idx on spend_entries (campaign_id, occurred_at);

create function spend_entries_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'spend_entries is an append-only ledger: record a refund or correction instead of %', tg_op;
end;
$$;
create trigger spend_entries_append_only before update or delete on spend_entries
    for each row execute function spend_entries_append_only();

-- ---------------------------------------------------------------------------------------------
-- KPIs, content plan, plan benchmarks
-- ---------------------------------------------------------------------------------------------
create table campaign_kpis (
    id            uuid          primary key,
    campaign_id   uuid          not null references campaigns (id) on delete cascade,
    name          varchar(255)  not null,
    -- a measured metric (impressions, clicks, roas, ...) or null when the caller sets current_value
    metric        varchar(32),
    target        numeric(18,4) not null,
    current_value numeric(18,4),
    unit          varchar(32)   not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0,
    constraint campaign_kpis_name_unique unique (campaign_id, name),
    constraint campaign_kpis_target_check check (target > 0)
);

create table campaign_content (
    id           uuid          primary key,
    campaign_id  uuid          not null references campaigns (id) on delete cascade,
    channel_id   varchar(64),
    content_type varchar(50)   not null,
    title        varchar(255)  not null,
    description  text,
    content_url  varchar(2048),
    publish_date timestamptz,
    status       varchar(16)   not null default 'planned',
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0,
    constraint campaign_content_status_check check (status in ('planned', 'in_progress', 'completed', 'published'))
);
create index campaign_content_campaign_idx on campaign_content (campaign_id, publish_date);

-- Per-channel benchmarks for plan estimates; 'default' applies to channels without their own row.
create table channel_benchmarks (
    channel     varchar(64)   primary key,
    cpm         numeric(12,4) not null,
    ctr         numeric(9,6)  not null,
    cvr         numeric(9,6)  not null,
    reach_ratio numeric(9,6)  not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(255)  not null,
    constraint channel_benchmarks_check check (cpm >= 0 and ctr between 0 and 1 and cvr between 0 and 1
                                               and reach_ratio > 0 and reach_ratio <= 1)
);
insert into channel_benchmarks (channel, cpm, ctr, cvr, reach_ratio, updated_at, updated_by) values
    ('default',       10, 0.02,  0.02, 0.3, now(), 'migration'),
    ('facebook',      10, 0.02,  0.02, 0.3, now(), 'migration'),
    ('google_search', 20, 0.05,  0.02, 0.3, now(), 'migration'),
    ('instagram',      8, 0.015, 0.02, 0.3, now(), 'migration'),
    ('linkedin',      25, 0.03,  0.02, 0.3, now(), 'migration'),
    ('email',          0, 0.03,  0.02, 0.3, now(), 'migration');

-- ---------------------------------------------------------------------------------------------
-- Tracking: events partitioned by month of occurrence, idempotency keys, tracked links
-- ---------------------------------------------------------------------------------------------
create sequence campaign_events_id_seq as bigint cache 1;

create table campaign_events (
    -- monotonic, folded into the rollups by ranges behind a watermark (rollup_watermarks)
    id               bigint        not null default nextval('campaign_events_id_seq'),
    event_id         uuid          not null,
    campaign_id      uuid          not null,
    event_type       varchar(12)   not null,
    occurred_at      timestamptz   not null,
    received_at      timestamptz   not null,
    channel          varchar(64),
    audience_segment varchar(100),
    device_type      varchar(16),
    session_id       varchar(255),
    user_id          varchar(255),
    value            numeric(14,2),
    order_id         varchar(255),
    conversion_type  varchar(64),
    utm_source       varchar(255),
    utm_medium       varchar(255),
    utm_campaign     varchar(255),
    utm_term         varchar(255),
    utm_content      varchar(255),
    utm_id           varchar(255),
    referrer_url     varchar(2048),
    landing_url      varchar(2048),
    user_agent       varchar(512),
    -- never the raw address: a truncated network prefix (IPv4 /24, IPv6 /48)
    ip_prefix        varchar(64),
    link_id          uuid,
    is_bot           boolean       not null default false,
    event_data       jsonb,
    primary key (id, occurred_at),
    constraint campaign_events_type_check check (event_type in ('impression', 'view', 'click', 'conversion')),
    constraint campaign_events_value_check check (value is null or event_type = 'conversion')
) partition by range (occurred_at);
alter sequence campaign_events_id_seq owned by campaign_events.id;

-- the raw path (ad-hoc filters, attribution, exports, the tail after the watermark)
create index campaign_events_campaign_time_idx on campaign_events (campaign_id, occurred_at) include (event_type, value, is_bot);
create index campaign_events_time_brin on campaign_events using brin (occurred_at);
-- An event is (event_id, occurred_at): a partitioned table's unique indexes must hold the partition
-- key. A retry of the same event meets this index; an event sent without occurred_at is matched to an
-- earlier copy by event_id before it is stamped (EventStore). A separate key table would cost a second
-- random-key index per event and halve batch ingestion.
create unique index campaign_events_event_id_idx on campaign_events (event_id, occurred_at);

-- Rows that fall outside every monthly partition land here; maintenance moves them out.
create table campaign_events_default partition of campaign_events default;

-- Creates the monthly partitions from from_month up to months_ahead months after the current one.
-- Rows already sitting in the default partition for a new month are moved into it.
create function ensure_campaign_event_partitions(from_month date, months_ahead integer) returns integer
    language plpgsql as $$
declare
    month_start timestamptz;
    last_month  timestamptz := date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' + make_interval(months => months_ahead);
    part_name   text;
    created     integer := 0;
begin
    month_start := date_trunc('month', from_month::timestamp) at time zone 'UTC';
    while month_start <= last_month loop
        part_name := 'campaign_events_' || to_char(month_start at time zone 'UTC', 'YYYY_MM');
        if to_regclass(part_name) is null then
            execute format('create table %I (like campaign_events including defaults including constraints)', part_name);
            execute format('insert into %I select * from campaign_events_default where occurred_at >= %L and occurred_at < %L',
                           part_name, month_start, month_start + interval '1 month');
            execute format('delete from campaign_events_default where occurred_at >= %L and occurred_at < %L',
                           month_start, month_start + interval '1 month');
            execute format('alter table campaign_events attach partition %I for values from (%L) to (%L)',
                           part_name, month_start, month_start + interval '1 month');
            created := created + 1;
        end if;
        month_start := month_start + interval '1 month';
    end loop;
    return created;
end;
$$;

select ensure_campaign_event_partitions((now() - interval '13 months')::date, 3);

-- A conversion's order_id is counted once per campaign.
create table conversion_orders (
    campaign_id uuid         not null,
    order_id    varchar(255) not null,
    event_id    uuid         not null,
    recorded_at timestamptz  not null,
    primary key (campaign_id, order_id)
);

create table tracked_links (
    id              uuid          primary key,
    campaign_id     uuid          not null references campaigns (id) on delete cascade,
    slug            varchar(64)   not null,
    destination_url varchar(2048) not null,
    channel         varchar(64),
    utm_source      varchar(255),
    utm_medium      varchar(255),
    utm_campaign    varchar(255),
    utm_term        varchar(255),
    utm_content     varchar(255),
    utm_id          varchar(255),
    disabled        boolean       not null default false,
    created_by      varchar(255)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    constraint tracked_links_slug_unique unique (slug)
);
create index tracked_links_campaign_idx on tracked_links (campaign_id);

-- ---------------------------------------------------------------------------------------------
-- Rollups: campaign x UTC hour for series and comparisons, campaign x reporting day x dimension
-- for totals and segment breakdowns. Folded from event-id ranges behind the watermark.
-- ---------------------------------------------------------------------------------------------
create table event_rollups_hourly (
    campaign_id  uuid          not null,
    bucket_start timestamptz   not null,
    is_bot       boolean       not null,
    impressions  bigint        not null default 0,
    views        bigint        not null default 0,
    clicks       bigint        not null default 0,
    conversions  bigint        not null default 0,
    revenue      numeric(18,2) not null default 0,
    primary key (campaign_id, bucket_start, is_bot)
);

create table event_rollups_daily (
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
    primary key (campaign_id, dimension, day, dimension_value, is_bot)
);
create index event_rollups_daily_day_idx on event_rollups_daily (dimension, day);

create table rollup_watermarks (
    name          varchar(64) primary key,
    last_event_id bigint      not null,
    folded_at     timestamptz
);
insert into rollup_watermarks (name, last_event_id) values ('campaign_events', 0);

-- ---------------------------------------------------------------------------------------------
-- Automation: rule templates, rules per campaign, and every evaluation
-- ---------------------------------------------------------------------------------------------
create table rule_templates (
    id             uuid         primary key,
    name           varchar(255) not null,
    description    text,
    trigger_type   varchar(32)  not null,
    trigger_config jsonb        not null,
    actions        jsonb        not null,
    guardrails     jsonb        not null default '{}',
    created_by     varchar(255) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    constraint rule_templates_name_unique unique (name)
);

create table automation_rules (
    id                uuid          primary key,
    campaign_id       uuid          not null references campaigns (id) on delete cascade,
    template_id       uuid          references rule_templates (id) on delete set null,
    name              varchar(255)  not null,
    trigger_type      varchar(32)   not null,
    trigger_config    jsonb         not null,
    actions           jsonb         not null,
    enabled           boolean       not null default true,
    dry_run           boolean       not null default false,
    cooldown_minutes  integer       not null default 60,
    max_budget_change numeric(14,2),
    min_budget        numeric(14,2),
    max_budget        numeric(14,2),
    last_fired_at     timestamptz,
    created_by        varchar(255)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0,
    constraint automation_rules_trigger_check check (trigger_type in ('budget_threshold', 'performance_threshold', 'time_based', 'event_based')),
    constraint automation_rules_cooldown_check check (cooldown_minutes >= 0)
);
create index automation_rules_campaign_idx on automation_rules (campaign_id);

create table rule_runs (
    id           bigserial    primary key,
    rule_id      uuid         not null references automation_rules (id) on delete cascade,
    campaign_id  uuid         not null references campaigns (id) on delete cascade,
    -- the schedule slot that caused the evaluation: a redelivered schedule event finds its run here
    run_key      varchar(100) not null,
    evaluated_at timestamptz  not null,
    observed     jsonb        not null,
    decision     varchar(16)  not null,
    dry_run      boolean      not null,
    outcome      jsonb,
    constraint rule_runs_decision_check check (decision in ('fired', 'not_fired', 'cooldown', 'skipped', 'failed')),
    constraint rule_runs_slot_unique unique (rule_id, run_key)
);
create index rule_runs_campaign_idx on rule_runs (campaign_id, evaluated_at);

-- ---------------------------------------------------------------------------------------------
-- Alerts and their delivery outbox
-- ---------------------------------------------------------------------------------------------
create table alerts (
    id              uuid         primary key,
    campaign_id     uuid         references campaigns (id) on delete cascade,
    channel_id      varchar(64),
    rule_id         uuid         references automation_rules (id) on delete set null,
    kind            varchar(32)  not null,
    severity        varchar(16)  not null,
    threshold       integer,
    title           varchar(255) not null,
    message         text         not null,
    details         jsonb        not null default '{}',
    -- raising the same alert twice (concurrent or repeated jobs) finds this key taken
    dedup_key       varchar(255) not null,
    created_at      timestamptz  not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(255),
    constraint alerts_dedup_unique unique (dedup_key),
    constraint alerts_severity_check check (severity in ('info', 'warning', 'critical'))
);
create index alerts_campaign_idx on alerts (campaign_id, created_at);

create table webhooks (
    id         uuid          primary key,
    name       varchar(255)  not null,
    url        varchar(2048) not null,
    format     varchar(16)   not null,
    secret     varchar(255)  not null,
    enabled    boolean       not null default true,
    created_by varchar(255)  not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null,
    version    bigint        not null default 0,
    constraint webhooks_format_check check (format in ('json', 'slack'))
);

create table alert_deliveries (
    id              bigserial    primary key,
    alert_id        uuid         not null references alerts (id) on delete cascade,
    webhook_id      uuid         not null references webhooks (id) on delete cascade,
    status          varchar(16)  not null default 'pending',
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    constraint alert_deliveries_unique unique (alert_id, webhook_id),
    constraint alert_deliveries_status_check check (status in ('pending', 'delivered', 'failed'))
);
create index alert_deliveries_due_idx on alert_deliveries (next_attempt_at) where status = 'pending';

-- ---------------------------------------------------------------------------------------------
-- Export jobs (files in object storage)
-- ---------------------------------------------------------------------------------------------
create table export_jobs (
    id           uuid          primary key,
    report       varchar(32)   not null,
    format       varchar(8)    not null,
    parameters   jsonb         not null,
    status       varchar(16)   not null,
    object_key   varchar(1024),
    file_name    varchar(255),
    content_type varchar(128),
    size_bytes   bigint,
    row_count    bigint,
    error        text,
    attempts     integer       not null default 0,
    locked_until timestamptz,
    requested_by varchar(255)  not null,
    created_at   timestamptz   not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    expires_at   timestamptz   not null,
    constraint export_jobs_status_check check (status in ('queued', 'running', 'succeeded', 'failed', 'expired')),
    constraint export_jobs_format_check check (format in ('csv', 'xlsx'))
);
create index export_jobs_status_idx on export_jobs (status, created_at);

-- ---------------------------------------------------------------------------------------------
-- Audit log of every change made through the API or a job
-- ---------------------------------------------------------------------------------------------
create table audit_log (
    id          bigserial    primary key,
    occurred_at timestamptz  not null,
    actor       varchar(255) not null,
    action      varchar(64)  not null,
    entity_type varchar(32)  not null,
    entity_id   varchar(64),
    campaign_id uuid,
    details     jsonb        not null default '{}'
);
create index audit_log_campaign_idx on audit_log (campaign_id, id);
create index audit_log_time_idx on audit_log (occurred_at);
