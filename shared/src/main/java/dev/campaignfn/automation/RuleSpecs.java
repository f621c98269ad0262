package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.Violations;
import dev.campaignfn.metrics.Metric;

/**
 * Seed 000's triggers and actions, checked and completed with their defaults, so that a stored rule
 * is always one the engine can run. Each problem names its field ({@code trigger_config.value},
 * {@code actions[1].percent}).
 * <ul>
 * <li>{@code budget_threshold}: {@code spent_percentage} (0–1000), optional {@code channel}.</li>
 * <li>{@code performance_threshold}: {@code metric} (roas, cpa, ctr, cvr, cpc, cpr, roi), {@code operator}
 * (below or above; default below for roas, ctr, cvr, roi and above for cpa, cpc, cpr), {@code value},
 * {@code window_days} (1–90, default 7, days in the campaign's zone), the minimum data before it may
 * fire: {@code min_impressions} (default 1000), {@code min_clicks}, {@code min_conversions} (default 0).</li>
 * <li>{@code time_based}: {@code hours_before_end} or {@code hours_after_start}; fires once.</li>
 * <li>{@code event_based}: {@code event_type}, {@code fewer_than} or {@code more_than}, {@code hours} (1–720).</li>
 * </ul>
 * Actions: {@code pause_campaign} ({@code reason}), {@code adjust_budget} ({@code amount} or
 * {@code percent}, signed), {@code send_alert} ({@code severity}, {@code message}), {@code optimize}
 * ({@code amount} or {@code percent} of the worst channel's unspent allocation, default 10 percent),
 * {@code scale} ({@code percent} &gt; 0, optional {@code cap} on the total budget); seed 000's sync rule actions on one
 * channel ({@code channel}): {@code pause_channel} ({@code reason}), {@code resume_channel}, {@code set_channel_budget}
 * ({@code amount}, the channel's new allocation), which a connected channel's platform follows.
 */
public final class RuleSpecs {

    public static final Set<String> TRIGGERS = Set.of(RuleTrigger.BudgetThreshold.TYPE, RuleTrigger.PerformanceThreshold.TYPE,
            RuleTrigger.TimeBased.TYPE, RuleTrigger.EventBased.TYPE);
    public static final Set<String> ACTIONS = Set.of(RuleAction.PauseCampaign.TYPE, RuleAction.AdjustBudget.TYPE, RuleAction.SendAlert.TYPE,
            RuleAction.Optimize.TYPE, RuleAction.Scale.TYPE, RuleAction.PauseChannel.TYPE, RuleAction.ResumeChannel.TYPE,
            RuleAction.SetChannelBudget.TYPE);
    static final Set<String> METRICS = Metric.ruleMetrics().stream().map(Metric::wire).collect(Collectors.toUnmodifiableSet());
    /** Rule metrics that are bad news when they fall: a trigger on them fires below its value by default. */
    static final Set<String> LOWER_IS_WORSE = Metric.ruleMetrics().stream().filter(m -> !m.lowerIsBetter()).map(Metric::wire)
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> EVENT_TYPES = Set.of("impression", "view", "click", "conversion");
    static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

    private RuleSpecs() {
    }

    /** The trigger's settings with defaults filled in; throws a ValidationException naming each problem. */
    public static Map<String, Object> trigger(String type, Map<String, Object> config, Violations violations) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (type == null || !TRIGGERS.contains(type)) {
            violations.check(false, "trigger_type", "must be one of " + new java.util.TreeSet<>(TRIGGERS));
            return out;
        }
        String f = "trigger_config.";
        Map<String, Object> c = seedTriggerKeys(type, config == null ? Map.of() : config, f, violations);
        switch (type) {
            case RuleTrigger.BudgetThreshold.TYPE -> {
                out.put("spent_percentage", number(c, "spent_percentage", f, violations, BigDecimal.ZERO, new BigDecimal("1000"), true));
                Object channel = c.get("channel");
                if (channel != null) {
                    violations.check(channel instanceof String s && s.matches(Channels.ID_PATTERN), f + "channel", Channels.ID_RULE);
                    out.put("channel", channel);
                }
                allowOnly(c, f, violations, "spent_percentage", "channel");
            }
            case RuleTrigger.PerformanceThreshold.TYPE -> {
                Object metric = c.get("metric");
                violations.check(metric instanceof String m && METRICS.contains(m), f + "metric", "must be one of " + new java.util.TreeSet<>(METRICS));
                String m = metric instanceof String s ? s : "roas";
                out.put("metric", m);
                Object operator = c.getOrDefault("operator", LOWER_IS_WORSE.contains(m) ? "below" : "above");
                violations.check("below".equals(operator) || "above".equals(operator), f + "operator", "must be below or above");
                out.put("operator", operator);
                out.put("value", number(c, "value", f, violations, BigDecimal.ZERO, new BigDecimal("1000000000"), true));
                out.put("window_days", integer(c, "window_days", f, violations, 1, 90, 7));
                out.put("min_impressions", integer(c, "min_impressions", f, violations, 0, Integer.MAX_VALUE, 1000));
                out.put("min_clicks", integer(c, "min_clicks", f, violations, 0, Integer.MAX_VALUE, 0));
                out.put("min_conversions", integer(c, "min_conversions", f, violations, 0, Integer.MAX_VALUE, 0));
                allowOnly(c, f, violations, "metric", "operator", "value", "window_days", "min_impressions", "min_clicks", "min_conversions");
            }
            case RuleTrigger.TimeBased.TYPE -> {
                boolean before = c.containsKey("hours_before_end");
                boolean after = c.containsKey("hours_after_start");
                violations.check(before ^ after, f + "hours_before_end", "give exactly one of hours_before_end and hours_after_start");
                if (before) {
                    out.put("hours_before_end", integer(c, "hours_before_end", f, violations, 0, 100_000, null));
                }
                if (after) {
                    out.put("hours_after_start", integer(c, "hours_after_start", f, violations, 0, 100_000, null));
                }
                allowOnly(c, f, violations, "hours_before_end", "hours_after_start");
            }
            default -> {
                Object eventType = c.get("event_type");
                violations.check(eventType instanceof String e && EVENT_TYPES.contains(e), f + "event_type",
                        "must be one of " + new java.util.TreeSet<>(EVENT_TYPES));
                out.put("event_type", eventType);
                boolean fewer = c.containsKey("fewer_than");
                boolean more = c.containsKey("more_than");
                violations.check(fewer ^ more, f + "fewer_than", "give exactly one of fewer_than and more_than");
                if (fewer) {
                    out.put("fewer_than", integer(c, "fewer_than", f, violations, 1, Integer.MAX_VALUE, null));
                }
                if (more) {
                    out.put("more_than", integer(c, "more_than", f, violations, 0, Integer.MAX_VALUE, null));
                }
                out.put("hours", integer(c, "hours", f, violations, 1, 720, null));
                allowOnly(c, f, violations, "event_type", "fewer_than", "more_than", "hours");
            }
        }
        return out;
    }

    /**
     * Seed 000's trigger keys, as its CampaignAutomation reads them, in ours: {@code percentage} is
     * {@code spent_percentage}, {@code threshold} is {@code value} (the operator follows the metric, as
     * the seed compares roas and ctr below, cpa above), {@code condition} before_end / after_start with
     * {@code hours} is {@code hours_before_end} / {@code hours_after_start}. A key given both ways is refused.
     */
    static Map<String, Object> seedTriggerKeys(String type, Map<String, Object> config, String f, Violations violations) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        switch (type) {
            case RuleTrigger.BudgetThreshold.TYPE -> rename(c, "percentage", "spent_percentage", f, violations);
            case RuleTrigger.PerformanceThreshold.TYPE -> rename(c, "threshold", "value", f, violations);
            case RuleTrigger.TimeBased.TYPE -> {
                if (c.containsKey("condition")) {
                    Object condition = c.remove("condition");
                    String key = "before_end".equals(condition) ? "hours_before_end" : "after_start".equals(condition) ? "hours_after_start"
                            : null;
                    violations.check(key != null, f + "condition", "must be before_end or after_start");
                    violations.check(c.containsKey("hours"), f + "hours", "is required with condition");
                    if (key != null && c.containsKey("hours")) {
                        rename(c, "hours", key, f, violations);
                    }
                }
            }
            default -> {
                // event_based: the seed left it unwritten, so it has no keys of its own
            }
        }
        return c;
    }

    private static void rename(Map<String, Object> config, String seedKey, String key, String f, Violations violations) {
        if (config.containsKey(seedKey)) {
            violations.check(!config.containsKey(key), f + seedKey, "give " + seedKey + " or " + key + ", not both");
            config.put(key, config.remove(seedKey));
        }
    }

    /**
     * Seed 000 writes an action as {@code {type, config: {...}}}: its config's keys are the action's own.
     * A key given both inside and outside config is refused.
     */
    static Map<String, Object> seedActionKeys(Map<String, Object> action, String f, Violations violations) {
        if (!(action.get("config") instanceof Map<?, ?> config)) {
            violations.check(action.get("config") == null, f + "config", "must be an object");
            Map<String, Object> flat = new LinkedHashMap<>(action);
            flat.remove("config");
            return flat;
        }
        Map<String, Object> flat = new LinkedHashMap<>(action);
        flat.remove("config");
        config.forEach((key, value) -> {
            violations.check(!flat.containsKey(String.valueOf(key)), f + key, "given both inside and outside config");
            flat.put(String.valueOf(key), value);
        });
        return flat;
    }

    /** The actions with defaults filled in. */
    public static List<Map<String, Object>> actions(List<Map<String, Object>> actions, Violations violations) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (actions == null || actions.isEmpty()) {
            violations.check(false, "actions", "at least one action");
            return out;
        }
        for (int i = 0; i < actions.size(); i++) {
            String f = "actions[" + i + "].";
            Map<String, Object> a = seedActionKeys(actions.get(i) == null ? Map.of() : actions.get(i), f, violations);
            Object type = a.get("type");
            Map<String, Object> action = new LinkedHashMap<>();
            if (!(type instanceof String t) || !ACTIONS.contains(t)) {
                violations.check(false, f + "type", "must be one of " + new java.util.TreeSet<>(ACTIONS));
                continue;
            }
            action.put("type", t);
            switch (t) {
                case RuleAction.PauseCampaign.TYPE -> {
                    reason(a, action, f, violations);
                    allowOnly(a, f, violations, "type", "reason");
                }
                case RuleAction.AdjustBudget.TYPE, RuleAction.Optimize.TYPE -> {
                    boolean amount = a.containsKey("amount");
                    boolean percent = a.containsKey("percent");
                    violations.check(!(amount && percent), f + "amount", "give amount or percent, not both");
                    violations.check(amount || percent || RuleAction.Optimize.TYPE.equals(t), f + "amount", "give amount or percent");
                    BigDecimal min = RuleAction.Optimize.TYPE.equals(t) ? new BigDecimal("0.01") : new BigDecimal("-999999999999.99");
                    if (amount) {
                        action.put("amount", number(a, "amount", f, violations, min, new BigDecimal("999999999999.99"), true));
                    } else {
                        action.put("percent", percent ? number(a, "percent", f, violations, RuleAction.Optimize.TYPE.equals(t) ? new BigDecimal("0.01")
                                : new BigDecimal("-100"), new BigDecimal("1000"), true) : BigDecimal.TEN);
                    }
                    allowOnly(a, f, violations, "type", "amount", "percent");
                }
                case RuleAction.PauseChannel.TYPE, RuleAction.ResumeChannel.TYPE, RuleAction.SetChannelBudget.TYPE -> {
                    Object channel = a.get("channel");
                    violations.check(channel instanceof String c && c.matches(Channels.ID_PATTERN), f + "channel", Channels.ID_RULE);
                    action.put("channel", channel);
                    if (RuleAction.SetChannelBudget.TYPE.equals(t)) {
                        action.put("amount", number(a, "amount", f, violations, BigDecimal.ZERO, new BigDecimal("999999999999.99"), true));
                        allowOnly(a, f, violations, "type", "channel", "amount");
                    } else if (RuleAction.PauseChannel.TYPE.equals(t)) {
                        reason(a, action, f, violations);
                        allowOnly(a, f, violations, "type", "channel", "reason");
                    } else {
                        allowOnly(a, f, violations, "type", "channel");
                    }
                }
                case RuleAction.SendAlert.TYPE -> {
                    Object severity = a.getOrDefault("severity", "warning");
                    violations.check(SEVERITIES.contains(severity), f + "severity", "must be info, warning or critical");
                    action.put("severity", severity);
                    Object message = a.get("message");
                    violations.check(message == null || message instanceof String s && s.length() <= 2000, f + "message",
                            "must be text of at most 2000 characters");
                    if (message != null) {
                        action.put("message", message);
                    }
                    allowOnly(a, f, violations, "type", "severity", "message");
                }
                default -> {
                    action.put("percent", number(a, "percent", f, violations, new BigDecimal("0.01"), new BigDecimal("1000"), true));
                    if (a.containsKey("cap")) {
                        action.put("cap", number(a, "cap", f, violations, BigDecimal.ZERO, new BigDecimal("999999999999.99"), true));
                    }
                    allowOnly(a, f, violations, "type", "percent", "cap");
                }
            }
            out.add(action);
        }
        return out;
    }

    /** A pause's optional reason, which the history records. */
    private static void reason(Map<String, Object> given, Map<String, Object> action, String prefix, Violations violations) {
        Object reason = given.get("reason");
        violations.check(reason == null || reason instanceof String s && !s.isBlank() && s.length() <= 500, prefix + "reason",
                "must be text of at most 500 characters");
        if (reason != null) {
            action.put("reason", reason);
        }
    }

    private static void allowOnly(Map<String, Object> given, String prefix, Violations violations, String... known) {
        Set<String> allowed = Set.of(known);
        for (String key : given.keySet()) {
            violations.check(allowed.contains(key), prefix + key, "unknown setting; known: " + new java.util.TreeSet<>(allowed));
        }
    }

    private static BigDecimal number(Map<String, Object> c, String key, String prefix, Violations violations, BigDecimal min,
            BigDecimal max, boolean required) {
        Object value = c.get(key);
        if (value == null) {
            violations.check(!required, prefix + key, "is required");
            return null;
        }
        if (!(value instanceof Number n)) {
            violations.check(false, prefix + key, "must be a number");
            return null;
        }
        BigDecimal decimal = new BigDecimal(n.toString());
        violations.check(decimal.compareTo(min) >= 0 && decimal.compareTo(max) <= 0, prefix + key,
                "must be between " + min.toPlainString() + " and " + max.toPlainString());
        return decimal;
    }

    private static Integer integer(Map<String, Object> c, String key, String prefix, Violations violations, int min, int max,
            Integer defaultValue) {
        Object value = c.get(key);
        if (value == null) {
            violations.check(defaultValue != null, prefix + key, "is required");
            return defaultValue;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            violations.check(false, prefix + key, "must be a whole number between " + min + " and " + max);
            return defaultValue;
        }
        return ((Number) value).intValue();
    }
}
