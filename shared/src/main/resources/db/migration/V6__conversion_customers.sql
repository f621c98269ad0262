-- Customer lifetime value counts a campaign's distinct converting customers up to a moment, which the rollups
-- cannot hold (distinct counts do not add up over buckets). This partial index holds only the counted conversions,
-- with what that count and the revenue need, so the read is an index-only scan of a campaign's conversions.
create index campaign_events_conversion_customers_idx on campaign_events (campaign_id, occurred_at)
    include (value, user_id, session_id) where event_type = 'conversion' and not is_bot;
