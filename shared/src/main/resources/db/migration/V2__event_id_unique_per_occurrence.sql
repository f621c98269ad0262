-- Deduplication moves into the events table: an event is identified by (event_id, occurred_at), the
-- partition key being part of every unique index of a partitioned table. A separate key table cost a
-- second random-key index per event and halved batch ingestion; events sent without occurred_at are
-- matched to an earlier copy by event_id before they are stamped (see EventStore).
create unique index campaign_events_event_id_idx on campaign_events (event_id, occurred_at);
drop table event_keys;
