-- Seed 004's analytics SQL, recreated on this schema as the benchmark's baseline. The seed reads a
-- campaign_analytics table (created_at = when the event happened) and marketing_campaigns; two views
-- map our tables onto those names, and the seed's views and functions follow verbatim.
create or replace view campaign_analytics as
select id, campaign_id, event_type, event_data, audience_segment, channel, device_type, user_agent,
       referrer_url, session_id, user_id, occurred_at as created_at
  from campaign_events;

create or replace view marketing_campaigns as
select id, name as campaign_name, type as template_type, status = 'active' as is_active, created_at
  from campaigns;

CREATE OR REPLACE VIEW campaign_analytics_daily AS
SELECT
    campaign_id,
    DATE(created_at) as analytics_date,
    COUNT(CASE WHEN event_type = 'view' THEN 1 END) as views,
    COUNT(CASE WHEN event_type = 'click' THEN 1 END) as clicks,
    COUNT(CASE WHEN event_type = 'conversion' THEN 1 END) as conversions,
    COUNT(CASE WHEN event_type = 'impression' THEN 1 END) as impressions,
    ROUND(
        (COUNT(CASE WHEN event_type = 'click' THEN 1 END)::DECIMAL /
         NULLIF(COUNT(CASE WHEN event_type = 'view' THEN 1 END), 0)) * 100,
        2
    ) as click_through_rate,
    ROUND(
        (COUNT(CASE WHEN event_type = 'conversion' THEN 1 END)::DECIMAL /
         NULLIF(COUNT(CASE WHEN event_type = 'click' THEN 1 END), 0)) * 100,
        2
    ) as conversion_rate
FROM campaign_analytics
GROUP BY campaign_id, DATE(created_at);

CREATE OR REPLACE VIEW campaign_analytics_summary AS
SELECT
    campaign_id,
    COUNT(CASE WHEN event_type = 'view' THEN 1 END) as total_views,
    COUNT(CASE WHEN event_type = 'click' THEN 1 END) as total_clicks,
    COUNT(CASE WHEN event_type = 'conversion' THEN 1 END) as total_conversions,
    COUNT(CASE WHEN event_type = 'impression' THEN 1 END) as total_impressions,
    ROUND(
        (COUNT(CASE WHEN event_type = 'click' THEN 1 END)::DECIMAL /
         NULLIF(COUNT(CASE WHEN event_type = 'view' THEN 1 END), 0)) * 100,
        2
    ) as click_through_rate,
    ROUND(
        (COUNT(CASE WHEN event_type = 'conversion' THEN 1 END)::DECIMAL /
         NULLIF(COUNT(CASE WHEN event_type = 'click' THEN 1 END), 0)) * 100,
        2
    ) as conversion_rate,
    MIN(created_at) as first_event,
    MAX(created_at) as last_event
FROM campaign_analytics
GROUP BY campaign_id;

CREATE OR REPLACE VIEW campaign_analytics_segmented AS
SELECT
    campaign_id,
    DATE(created_at) as analytics_date,
    audience_segment,
    channel,
    device_type,
    COUNT(CASE WHEN event_type = 'view' THEN 1 END) as views,
    COUNT(CASE WHEN event_type = 'click' THEN 1 END) as clicks,
    COUNT(CASE WHEN event_type = 'conversion' THEN 1 END) as conversions,
    ROUND(
        (COUNT(CASE WHEN event_type = 'click' THEN 1 END)::DECIMAL /
         NULLIF(COUNT(CASE WHEN event_type = 'view' THEN 1 END), 0)) * 100,
        2
    ) as click_through_rate,
    ROUND(
        (COUNT(CASE WHEN event_type = 'conversion' THEN 1 END)::DECIMAL /
         NULLIF(COUNT(CASE WHEN event_type = 'click' THEN 1 END), 0)) * 100,
        2
    ) as conversion_rate
FROM campaign_analytics
GROUP BY campaign_id, DATE(created_at), audience_segment, channel, device_type;

CREATE OR REPLACE FUNCTION get_campaign_analytics(
    p_campaign_id UUID,
    p_start_date DATE DEFAULT CURRENT_DATE - INTERVAL '7 days',
    p_end_date DATE DEFAULT CURRENT_DATE,
    p_group_by VARCHAR(20) DEFAULT 'day'
)
RETURNS JSONB AS $$
DECLARE
    v_result JSONB;
    v_daily_stats JSONB;
    v_summary JSONB;
    v_period_change JSONB;
    v_previous_period_start DATE;
    v_previous_period_end DATE;
BEGIN
    v_previous_period_start := p_start_date - (p_end_date - p_start_date + 1);
    v_previous_period_end := p_start_date - 1;

    SELECT jsonb_agg(
        jsonb_build_object(
            'date', analytics_date,
            'views', views,
            'clicks', clicks,
            'conversions', conversions,
            'impressions', impressions,
            'click_through_rate', click_through_rate,
            'conversion_rate', conversion_rate
        ) ORDER BY analytics_date
    ) INTO v_daily_stats
    FROM campaign_analytics_daily
    WHERE campaign_id = p_campaign_id
    AND analytics_date BETWEEN p_start_date AND p_end_date;

    SELECT jsonb_build_object(
        'total_views', COALESCE(SUM(views), 0),
        'total_clicks', COALESCE(SUM(clicks), 0),
        'total_conversions', COALESCE(SUM(conversions), 0),
        'total_impressions', COALESCE(SUM(impressions), 0),
        'click_through_rate', ROUND(
            (COALESCE(SUM(clicks), 0)::DECIMAL /
             NULLIF(COALESCE(SUM(views), 0), 0)) * 100,
            2
        ),
        'conversion_rate', ROUND(
            (COALESCE(SUM(conversions), 0)::DECIMAL /
             NULLIF(COALESCE(SUM(clicks), 0), 0)) * 100,
            2
        )
    ) INTO v_summary
    FROM campaign_analytics_daily
    WHERE campaign_id = p_campaign_id
    AND analytics_date BETWEEN p_start_date AND p_end_date;

    SELECT jsonb_build_object(
        'views', COALESCE(SUM(views), 0),
        'clicks', COALESCE(SUM(clicks), 0),
        'conversions', COALESCE(SUM(conversions), 0),
        'impressions', COALESCE(SUM(impressions), 0)
    ) INTO v_period_change
    FROM campaign_analytics_daily
    WHERE campaign_id = p_campaign_id
    AND analytics_date BETWEEN v_previous_period_start AND v_previous_period_end;

    v_period_change := jsonb_build_object(
        'views', CASE
            WHEN (v_period_change->>'views')::DECIMAL > 0 THEN
                ROUND(((v_summary->>'total_views')::DECIMAL - (v_period_change->>'views')::DECIMAL) /
                      (v_period_change->>'views')::DECIMAL * 100, 2)
            ELSE 0
        END,
        'clicks', CASE
            WHEN (v_period_change->>'clicks')::DECIMAL > 0 THEN
                ROUND(((v_summary->>'total_clicks')::DECIMAL - (v_period_change->>'clicks')::DECIMAL) /
                      (v_period_change->>'clicks')::DECIMAL * 100, 2)
            ELSE 0
        END,
        'conversions', CASE
            WHEN (v_period_change->>'conversions')::DECIMAL > 0 THEN
                ROUND(((v_summary->>'total_conversions')::DECIMAL - (v_period_change->>'conversions')::DECIMAL) /
                      (v_period_change->>'conversions')::DECIMAL * 100, 2)
            ELSE 0
        END,
        'ctr', CASE
            WHEN (v_period_change->>'clicks')::DECIMAL > 0 AND (v_period_change->>'views')::DECIMAL > 0 THEN
                ROUND(
                    ((v_summary->>'click_through_rate')::DECIMAL -
                     ROUND((v_period_change->>'clicks')::DECIMAL / (v_period_change->>'views')::DECIMAL * 100, 2)) /
                    ROUND((v_period_change->>'clicks')::DECIMAL / (v_period_change->>'views')::DECIMAL * 100, 2) * 100,
                    2
                )
            ELSE 0
        END
    );

    v_result := jsonb_build_object(
        'summary', v_summary,
        'daily_stats', COALESCE(v_daily_stats, '[]'::jsonb),
        'period_change', v_period_change
    );

    RETURN v_result;
END;
$$ LANGUAGE plpgsql;
