package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.campaignfn.metrics.Metric;
import dev.campaignfn.tracking.EventType;

/**
 * What makes a rule fire, typed. {@link RuleSpecs} checks a trigger's settings and fills in its
 * defaults once, when a rule or template is written; {@link #of} turns those checked settings (as
 * stored) into one of these records, which the engine reads without casts. {@link #config()} is the
 * stored and answered form.
 */
public sealed interface RuleTrigger {

    /** The trigger's wire name, as {@code trigger_type} spells it. */
    String type();

    /** The settings as stored and answered ({@code trigger_config}). */
    Map<String, Object> config();

    /** The trigger of checked settings (see {@link RuleSpecs#trigger}). */
    static RuleTrigger of(String type, Map<String, Object> config) {
        return switch (type) {
            case BudgetThreshold.TYPE -> new BudgetThreshold(decimal(config.get("spent_percentage")), (String) config.get("channel"));
            case PerformanceThreshold.TYPE -> new PerformanceThreshold(
                    Metric.valueOf(((String) config.get("metric")).toUpperCase(Locale.ROOT)), "below".equals(config.get("operator")),
                    decimal(config.get("value")), integer(config.get("window_days")), integer(config.get("min_impressions")),
                    integer(config.get("min_clicks")), integer(config.get("min_conversions")));
            case TimeBased.TYPE -> new TimeBased(integerOrNull(config.get("hours_before_end")), integerOrNull(config.get("hours_after_start")));
            case EventBased.TYPE -> new EventBased(EventType.valueOf(((String) config.get("event_type")).toUpperCase(Locale.ROOT)),
                    integerOrNull(config.get("fewer_than")), integerOrNull(config.get("more_than")), integer(config.get("hours")));
            default -> throw new IllegalArgumentException("unknown trigger type " + type);
        };
    }

    /** The campaign's (or one channel's) spend reaches a percentage of its budget. */
    record BudgetThreshold(BigDecimal spentPercentage, String channel) implements RuleTrigger {
        static final String TYPE = "budget_threshold";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("spent_percentage", spentPercentage);
            if (channel != null) {
                config.put("channel", channel);
            }
            return config;
        }
    }

    /** A metric over the last {@code windowDays} days crosses a value, once there is enough data to judge. */
    record PerformanceThreshold(Metric metric, boolean below, BigDecimal value, int windowDays, int minImpressions, int minClicks,
            int minConversions) implements RuleTrigger {
        static final String TYPE = "performance_threshold";

        @Override
        public String type() {
            return TYPE;
        }

        /** Whether an observed value crosses the threshold the way the operator says. */
        public boolean crossedBy(BigDecimal observed) {
            int compared = observed.compareTo(value);
            return below ? compared < 0 : compared > 0;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("metric", metric.wire());
            config.put("operator", below ? "below" : "above");
            config.put("value", value);
            config.put("window_days", windowDays);
            config.put("min_impressions", minImpressions);
            config.put("min_clicks", minClicks);
            config.put("min_conversions", minConversions);
            return config;
        }
    }

    /** A point in the run: hours before its end or after its start (exactly one is set); fires once. */
    record TimeBased(Integer hoursBeforeEnd, Integer hoursAfterStart) implements RuleTrigger {
        static final String TYPE = "time_based";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> config = new LinkedHashMap<>();
            if (hoursBeforeEnd != null) {
                config.put("hours_before_end", hoursBeforeEnd);
            } else {
                config.put("hours_after_start", hoursAfterStart);
            }
            return config;
        }
    }

    /** Fewer or more events of a type than a count over the last {@code hours} (exactly one bound is set). */
    record EventBased(EventType eventType, Integer fewerThan, Integer moreThan, int hours) implements RuleTrigger {
        static final String TYPE = "event_based";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("event_type", eventType.wire());
            if (fewerThan != null) {
                config.put("fewer_than", fewerThan);
            } else {
                config.put("more_than", moreThan);
            }
            config.put("hours", hours);
            return config;
        }
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static Integer integerOrNull(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
