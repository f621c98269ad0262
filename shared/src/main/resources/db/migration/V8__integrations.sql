-- Integrations (seed 000's AnalyticsIntegrator): accepted events forwarded to GA4, Mixpanel, Amplitude and Segment,
-- and spend imported from the ad platforms' CSV reports.

-- An event whose sender said it has no consent for forwarding is stored and counted, never forwarded.
-- A constant default: PostgreSQL adds the column without rewriting the partitions.
alter table campaign_events add column forwardable boolean not null default true;

create table integrations (
    id              uuid          primary key,
    name            varchar(255)  not null,
    platform        varchar(16)   not null,
    -- the platform's non-secret settings (measurement id, project id, region); answered as they are
    settings        jsonb         not null,
    -- the platform's secrets as JSON, AES-256-GCM encrypted (IntegrationSecrets); never answered
    secrets         text          not null,
    -- empty: every campaign
    campaign_ids    uuid[]        not null default '{}',
    include_bots    boolean       not null default false,
    enabled         boolean       not null default true,
    -- the last event id handed to the outbox; starts at the settled id when the integration is made
    cursor_event_id bigint        not null,
    created_by      varchar(255)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    constraint integrations_platform_check check (platform in ('ga4', 'mixpanel', 'amplitude', 'segment'))
);

-- The forwarding outbox: one request per row, its body fixed when it is queued, so every retry sends the same
-- events with the same de-duplication keys.
create table forward_batches (
    id              bigserial     primary key,
    integration_id  uuid          not null references integrations (id) on delete cascade,
    body            text          not null,
    event_count     integer       not null,
    status          varchar(12)   not null default 'pending',
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    constraint forward_batches_status_check check (status in ('pending', 'sent', 'failed', 'dead'))
);
create index forward_batches_due_idx on forward_batches (next_attempt_at) where status = 'pending';
create index forward_batches_integration_idx on forward_batches (integration_id, status);

-- Saved mappings of an ad platform's campaigns to ours: the platform's campaign id or name -> campaign + channel.
create table spend_import_mappings (
    id                uuid          primary key,
    platform          varchar(16)   not null,
    external_campaign varchar(255)  not null,
    campaign_id       uuid          not null references campaigns (id) on delete cascade,
    channel_id        varchar(64),
    created_by        varchar(255)  not null,
    created_at        timestamptz   not null,
    constraint spend_import_mappings_platform_check check (platform in ('google_ads', 'meta', 'linkedin', 'microsoft_ads', 'generic')),
    unique (platform, external_campaign)
);

-- What the imports put into the ledger per platform, campaign, channel and day: a re-import compares with it, so an
-- unchanged day writes nothing and a changed one writes the difference as a correcting entry.
create table imported_spend_days (
    platform     varchar(16)   not null,
    campaign_id  uuid          not null references campaigns (id) on delete cascade,
    channel_id   varchar(64)   not null default '',
    day          date          not null,
    amount       numeric(14,2) not null,
    currency     char(3)       not null,
    -- how many times the day changed: the ledger entries' idempotency keys carry it
    revision     integer       not null,
    -- the ledger entry the day's last change wrote (a correction names it)
    last_entry_id uuid,
    updated_at   timestamptz   not null,
    primary key (platform, campaign_id, channel_id, day)
);

-- Imports of files (seed 000's importAnalyticsData): spend reports and historical events. A small spend file is
-- imported in the request (status done at once); a large file is uploaded to the exports bucket through a presigned
-- URL and, like every events file, imported by the automation function's imports job.
create table import_jobs (
    id          uuid          primary key,
    kind        varchar(8)    not null,
    -- spend: the platform whose layout the file has; events: csv or ndjson
    layout      varchar(16)   not null,
    file_name   varchar(255),
    -- where the file waits in the exports store (null: imported in the request)
    object_key  varchar(128),
    status      varchar(16)   not null,
    attempts    integer       not null default 0,
    lease_until timestamptz,
    report      jsonb,
    error       text,
    created_by  varchar(255)  not null,
    created_at  timestamptz   not null,
    started_at  timestamptz,
    finished_at timestamptz,
    constraint import_jobs_kind_check check (kind in ('spend', 'events')),
    constraint import_jobs_status_check check (status in ('awaiting_upload', 'queued', 'running', 'done', 'failed'))
);
create index import_jobs_due_idx on import_jobs (created_at) where status in ('queued', 'running');
create index import_jobs_created_idx on import_jobs (kind, created_at desc);
