-- The spend ledger summed per campaign and day in the campaign's reporting time zone, over all channels
-- ('total') and per channel ('channel', '' for spend on no channel): the cost side of every report in the
-- campaign's own zone reads these instead of every entry. Maintained by the database in the statement
-- that writes the entries or changes the campaign's zone, so no writer (the API, an import) can skip it.
create table spend_rollups_daily (
    campaign_id     uuid          not null,
    dimension       varchar(20)   not null,
    day             date          not null,
    dimension_value varchar(64)   not null,
    amount          numeric(16,2) not null,
    constraint spend_rollups_daily_pkey primary key (campaign_id, dimension, day, dimension_value) include (amount)
);

create function spend_rollups_add() returns trigger language plpgsql as $$
begin
    insert into spend_rollups_daily (campaign_id, dimension, day, dimension_value, amount)
    select n.campaign_id, d.dimension, (n.occurred_at at time zone c.time_zone)::date, d.value, sum(n.amount)
      from new_entries n join campaigns c on c.id = n.campaign_id
           cross join lateral (values ('total', ''), ('channel', coalesce(n.channel_id, ''))) as d(dimension, value)
     group by 1, 2, 3, 4
    on conflict (campaign_id, dimension, day, dimension_value) do update set amount = spend_rollups_daily.amount + excluded.amount;
    return null;
end;
$$;
create trigger spend_entries_rollup after insert on spend_entries referencing new table as new_entries
    for each statement execute function spend_rollups_add();

-- A campaign's days move with its zone: its spend rollups are summed again from its ledger.
create function spend_rollups_rebuild(campaign uuid) returns void language sql as $$
    delete from spend_rollups_daily where campaign_id = campaign;
    insert into spend_rollups_daily (campaign_id, dimension, day, dimension_value, amount)
    select s.campaign_id, d.dimension, (s.occurred_at at time zone c.time_zone)::date, d.value, sum(s.amount)
      from spend_entries s join campaigns c on c.id = s.campaign_id
           cross join lateral (values ('total', ''), ('channel', coalesce(s.channel_id, ''))) as d(dimension, value)
     where s.campaign_id = campaign
     group by 1, 2, 3, 4;
$$;
create function spend_rollups_rezone() returns trigger language plpgsql as $$
begin
    perform spend_rollups_rebuild(new.id);
    return null;
end;
$$;
create trigger campaigns_spend_rollups_zone after update of time_zone on campaigns
    for each row when (old.time_zone is distinct from new.time_zone) execute function spend_rollups_rezone();

select spend_rollups_rebuild(id) from campaigns where exists (select 1 from spend_entries s where s.campaign_id = campaigns.id);
