package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.SqlArrays;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.tracking.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Multi-touch attribution: every conversion of the period is credited to the campaigns and channels
 * whose touches (clicks by default) the same person had in the lookback window before it, shared by
 * the chosen model. A person is the user id, or the session id when the conversion has no user id.
 * A conversion without any touch in the window is credited to the campaign and channel it was
 * tracked on. Bots are left out. Credits are exact shares, rounded to hundredths at the end.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Attribution {

    public record AttributionReport(@JsonUnwrapped ReportContext context, List<CurrencyChoice.CurrencyCount> otherCurrencies,
            AttributionModel model, long lookbackDays, BigDecimal halfLifeDays, List<EventType> touchTypes, long conversions,
            BigDecimal revenue, long conversionsWithTouches, List<CampaignCredit> byCampaign, List<ChannelCredit> byChannel) {
    }

    public record CampaignCredit(UUID campaignId, String campaignName, BigDecimal conversions, BigDecimal revenue) {
    }

    public record ChannelCredit(String channel, BigDecimal conversions, BigDecimal revenue) {
    }

    /** Which conversions, which touches, which model. */
    public record Settings(List<UUID> campaignIds, String currency, AttributionModel model, Integer lookbackDays,
            BigDecimal halfLifeDays, List<EventType> touchTypes) {
    }

    public static final int DEFAULT_LOOKBACK_DAYS = 30;
    public static final BigDecimal DEFAULT_HALF_LIFE_DAYS = BigDecimal.valueOf(7);

    /** The conversions of the period, with the person they belong to. */
    static final String CONVERSIONS = """
            select e.id, e.campaign_id, coalesce(e.channel, ''), e.occurred_at, coalesce(e.value, 0), e.user_id, e.session_id
              from campaign_events e join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = e.campaign_id
             where e.campaign_id = any(?::uuid[]) and e.event_type = 'conversion' and not e.is_bot
               and e.occurred_at >= ? and e.occurred_at < ?
               and (e.occurred_at at time zone z.zone)::date between ? and ?
            """;

    /** The touches of the people who converted, from the start of the first window to the last conversion. */
    static final String TOUCHES = """
            select t.campaign_id, coalesce(t.channel, ''), t.occurred_at, t.user_id, t.session_id
              from campaign_events t
             where t.campaign_id = any(?::uuid[]) and t.event_type = any(?::text[]) and not t.is_bot
               and t.occurred_at >= ? and t.occurred_at <= ?
               and (t.user_id = any(?::text[]) or t.session_id = any(?::text[]))
            """;

    private record Conversion(long id, UUID campaignId, String channel, Instant at, BigDecimal value, String person) {
    }

    private record Touch(UUID campaignId, String channel, Instant at) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    public AttributionReport attribute(Settings settings, ReportRequest request) {
        ReportRequest plain = request.segmentedBy(null);
        if (!plain.filter().isEmpty()) {
            throw ValidationException.of(plain.filter().keySet().iterator().next().wire(),
                    "attribution follows people across channels and segments; it takes no segment filter");
        }
        int lookbackDays = settings.lookbackDays() == null ? DEFAULT_LOOKBACK_DAYS : settings.lookbackDays();
        long maxLookback = config.maxLookback().toDays();
        if (lookbackDays < 1 || lookbackDays > maxLookback) {
            throw ValidationException.of("lookback_days", "must be between 1 and " + maxLookback);
        }
        BigDecimal halfLifeDays = settings.halfLifeDays() == null ? DEFAULT_HALF_LIFE_DAYS : settings.halfLifeDays();
        if (halfLifeDays.signum() <= 0 || halfLifeDays.compareTo(BigDecimal.valueOf(maxLookback)) > 0) {
            throw ValidationException.of("half_life_days", "must be above 0 and at most " + maxLookback);
        }
        List<EventType> touchTypes = settings.touchTypes() == null || settings.touchTypes().isEmpty() ? List.of(EventType.CLICK)
                : settings.touchTypes();
        if (touchTypes.contains(EventType.CONVERSION)) {
            throw ValidationException.of("touch_types", "touches are impressions, views or clicks");
        }
        AttributionModel model = settings.model() == null ? AttributionModel.LAST_TOUCH : settings.model();
        List<Campaign> candidates = settings.campaignIds().isEmpty() ? Campaign.list("status <> ?1 order by name", CampaignStatus.DRAFT)
                : CampaignSet.require(settings.campaignIds());
        CurrencyChoice choice = CurrencyChoice.of(candidates, settings.currency());
        if (choice.campaigns().size() > config.maxCampaigns()) {
            throw ValidationException.of("campaign_ids", "at most " + config.maxCampaigns() + " campaigns; choose them with campaign_ids");
        }
        CampaignSet set = CampaignSet.of(choice.campaigns(), plain, clock, config.maxRangeDays());
        Duration lookback = Duration.ofDays(lookbackDays);
        Duration halfLife = Duration.ofSeconds(halfLifeDays.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());

        List<Conversion> conversions = set.campaigns().isEmpty() ? List.of() : conversions(set, plain.zone());
        Map<String, List<Touch>> journeys = touches(set, conversions, touchTypes, lookback);
        Map<UUID, BigDecimal[]> byCampaign = new LinkedHashMap<>();
        Map<String, BigDecimal[]> byChannel = new LinkedHashMap<>();
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        long withTouches = 0;
        for (Conversion conversion : conversions) {
            revenue = revenue.add(conversion.value());
            List<Touch> touches = new ArrayList<>();
            for (Touch touch : journeys.getOrDefault(conversion.person(), List.of())) {
                if (!touch.at().isAfter(conversion.at()) && !touch.at().isBefore(conversion.at().minus(lookback))) {
                    touches.add(touch);
                }
            }
            if (touches.isEmpty()) {
                touches.add(new Touch(conversion.campaignId(), conversion.channel(), conversion.at()));
            } else {
                withTouches++;
            }
            List<BigDecimal> weights = model.weights(touches.stream().map(Touch::at).toList(), conversion.at(), halfLife);
            for (int i = 0; i < touches.size(); i++) {
                Touch touch = touches.get(i);
                BigDecimal weight = weights.get(i);
                BigDecimal value = conversion.value().multiply(weight);
                add(byCampaign.computeIfAbsent(touch.campaignId(), k -> zeros()), weight, value);
                add(byChannel.computeIfAbsent(CampaignAnalytics.segmentName(touch.channel()), k -> zeros()), weight, value);
            }
        }
        Map<UUID, String> names = new HashMap<>();
        set.campaigns().forEach(c -> names.put(c.id, c.name));
        List<CampaignCredit> campaigns = new ArrayList<>();
        byCampaign.forEach((id, credit) -> campaigns.add(new CampaignCredit(id, names.get(id), round(credit[0]), round(credit[1]))));
        campaigns.sort(Comparator.comparing(CampaignCredit::revenue).reversed().thenComparing(CampaignCredit::campaignName));
        List<ChannelCredit> channels = new ArrayList<>();
        byChannel.forEach((channel, credit) -> channels.add(new ChannelCredit(channel, round(credit[0]), round(credit[1]))));
        channels.sort(Comparator.comparing(ChannelCredit::revenue).reversed().thenComparing(ChannelCredit::channel));
        return new AttributionReport(ReportContext.of(set.period(), set.zone(), choice.currency(), plain), choice.others(), model,
                lookbackDays, halfLifeDays, touchTypes, conversions.size(), revenue, withTouches, campaigns, channels);
    }

    private List<Conversion> conversions(CampaignSet set, ZoneId override) {
        List<UUID> ids = new ArrayList<>(set.zones().keySet());
        Instant from = null;
        Instant to = null;
        List<String> zones = new ArrayList<>();
        for (UUID id : ids) {
            ZoneId zone = override != null ? override : set.zones().get(id);
            zones.add(zone.getId());
            Instant start = set.period().startDate().atStartOfDay(zone).toInstant();
            Instant end = set.period().endDate().plusDays(1).atStartOfDay(zone).toInstant();
            from = from == null || start.isBefore(from) ? start : from;
            to = to == null || end.isAfter(to) ? end : to;
        }
        List<Conversion> conversions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(CONVERSIONS)) {
            Array idList = SqlArrays.typed(connection, "uuid", ids);
            select.setArray(1, idList);
            select.setArray(2, SqlArrays.typed(connection, "text", zones));
            select.setArray(3, idList);
            select.setTimestamp(4, Timestamp.from(from));
            select.setTimestamp(5, Timestamp.from(to));
            select.setObject(6, set.period().startDate());
            select.setObject(7, set.period().endDate());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String user = rows.getString(6);
                    String session = rows.getString(7);
                    conversions.add(new Conversion(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getBigDecimal(5).setScale(2),
                            user != null ? "u:" + user : session != null ? "s:" + session : null));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read conversions", e);
        }
        conversions.sort(Comparator.comparing(Conversion::at).thenComparingLong(Conversion::id));
        return conversions;
    }

    /** The touches per person (oldest first) of everyone who converted. */
    private Map<String, List<Touch>> touches(CampaignSet set, List<Conversion> conversions, List<EventType> types, Duration lookback) {
        Map<String, List<Touch>> journeys = new HashMap<>();
        Set<String> users = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        Instant first = null;
        Instant last = null;
        for (Conversion c : conversions) {
            if (c.person() == null) {
                continue;
            }
            (c.person().startsWith("u:") ? users : sessions).add(c.person().substring(2));
            first = first == null || c.at().isBefore(first) ? c.at() : first;
            last = last == null || c.at().isAfter(last) ? c.at() : last;
        }
        if (first == null) {
            return journeys;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(TOUCHES)) {
            select.setArray(1, SqlArrays.typed(connection, "uuid", set.zones().keySet()));
            select.setArray(2, SqlArrays.typed(connection, "text", types.stream().map(EventType::wire).toList()));
            select.setTimestamp(3, Timestamp.from(first.minus(lookback)));
            select.setTimestamp(4, Timestamp.from(last));
            select.setArray(5, SqlArrays.typed(connection, "text", users));
            select.setArray(6, SqlArrays.typed(connection, "text", sessions));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Touch touch = new Touch(rows.getObject(1, UUID.class), rows.getString(2), rows.getTimestamp(3).toInstant());
                    String user = rows.getString(4);
                    String session = rows.getString(5);
                    if (user != null && users.contains(user)) {
                        journeys.computeIfAbsent("u:" + user, k -> new ArrayList<>()).add(touch);
                    }
                    if (session != null && sessions.contains(session)) {
                        journeys.computeIfAbsent("s:" + session, k -> new ArrayList<>()).add(touch);
                    }
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read touches", e);
        }
        journeys.values().forEach(list -> list.sort(Comparator.comparing(Touch::at)));
        return journeys;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
    }

    private static void add(BigDecimal[] credit, BigDecimal conversions, BigDecimal revenue) {
        credit[0] = credit[0].add(conversions);
        credit[1] = credit[1].add(revenue);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
