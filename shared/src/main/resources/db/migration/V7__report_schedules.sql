-- Scheduled reports (seed 000's reporting, on a schedule): a campaign's or the dashboard's report for the last
-- complete day, week or month, written as an export file and announced to webhooks through the alert outbox.
create table report_schedules (
    id            uuid          primary key,
    name          varchar(255)  not null,
    scope         varchar(16)   not null,
    campaign_id   uuid          references campaigns (id) on delete cascade,
    -- the dashboard's campaigns; empty: every campaign that ran in the period
    campaign_ids  uuid[]        not null default '{}',
    frequency     varchar(16)   not null,
    time_zone     varchar(64)   not null,
    format        varchar(8)    not null,
    -- the webhooks it is announced to; empty: every enabled webhook
    webhook_ids   uuid[]        not null default '{}',
    enabled       boolean       not null default true,
    created_by    varchar(255)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0,
    constraint report_schedules_scope_check check (scope in ('campaign', 'dashboard')),
    constraint report_schedules_campaign_check check ((scope = 'campaign') = (campaign_id is not null)),
    constraint report_schedules_frequency_check check (frequency in ('daily', 'weekly', 'monthly')),
    constraint report_schedules_format_check check (format in ('csv', 'xlsx'))
);
create index report_schedules_campaign_idx on report_schedules (campaign_id);

-- One row per schedule and period: the key a second run of the same period finds taken.
create table report_deliveries (
    schedule_id   uuid          not null references report_schedules (id) on delete cascade,
    period_start  date          not null,
    period_end    date          not null,
    status        varchar(16)   not null default 'exporting',
    export_job_id uuid          references export_jobs (id) on delete set null,
    alert_id      uuid          references alerts (id) on delete set null,
    error         text,
    created_at    timestamptz   not null,
    delivered_at  timestamptz,
    primary key (schedule_id, period_start),
    constraint report_deliveries_status_check check (status in ('exporting', 'delivered', 'failed'))
);
create index report_deliveries_exporting_idx on report_deliveries (created_at) where status = 'exporting';
