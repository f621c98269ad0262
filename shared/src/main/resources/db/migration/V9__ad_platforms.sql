-- Ad platforms (issue 26): a campaign channel's connection to the platform campaign it runs as (Meta, Google Ads)
-- or to the user's e-mail service (a webhook), and the outbox of changes pushed to it.

create table channel_connections (
    campaign_id        uuid          not null,
    channel_id         varchar(64)   not null,
    platform           varchar(16)   not null,
    -- the platform's non-secret settings (account, campaign id, budget mode, webhook url); answered as they are
    settings           jsonb         not null,
    -- the credentials as JSON, AES-256-GCM encrypted (IntegrationSecrets); never answered
    secrets            text          not null,
    -- ok: the last check or push worked; failing: the platform refused the credentials or the campaign; blocks launch
    state              varchar(16)   not null default 'unchecked',
    state_reason       text,
    checked_at         timestamptz,
    -- the account's currency and time zone as the platform last answered them
    account_currency   char(3),
    account_time_zone  varchar(64),
    -- the last status and budget handed to the outbox: a change is queued once, whatever fires it again
    queued_status      varchar(16),
    queued_budget      numeric(14, 2),
    spend_pulled_at    timestamptz,
    spend_pull_error   text,
    created_by         varchar(255)  not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0,
    primary key (campaign_id, channel_id),
    foreign key (campaign_id, channel_id) references campaign_channels (campaign_id, channel_id) on delete cascade,
    constraint channel_connections_platform_check check (platform in ('meta', 'google_ads', 'esp_webhook')),
    constraint channel_connections_state_check check (state in ('unchecked', 'ok', 'failing'))
);

create table channel_pushes (
    id               bigserial     primary key,
    campaign_id      uuid          not null,
    channel_id       varchar(64)   not null,
    -- status: active/paused; budget: an amount in the campaign's currency; launch: the e-mail webhook's first call
    kind             varchar(16)   not null,
    payload          jsonb         not null,
    status           varchar(16)   not null default 'pending',
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    -- a sender's claim: another run leaves the push alone until then
    lease_until      timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    created_by       varchar(255)  not null,
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    foreign key (campaign_id, channel_id) references channel_connections (campaign_id, channel_id) on delete cascade,
    constraint channel_pushes_kind_check check (kind in ('status', 'budget', 'launch')),
    constraint channel_pushes_status_check check (status in ('pending', 'sent', 'failed', 'dead', 'superseded'))
);
create index channel_pushes_due_idx on channel_pushes (next_attempt_at) where status = 'pending';
create index channel_pushes_channel_idx on channel_pushes (campaign_id, channel_id, id);
