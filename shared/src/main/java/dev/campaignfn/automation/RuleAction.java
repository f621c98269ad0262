package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule does when it fires, typed. {@link RuleSpecs#actions} checks each action and fills in its
 * defaults once, when a rule or template is written; {@link #of} turns one checked action (as stored)
 * into one of these records. {@link #config()} is the stored and answered form.
 */
public sealed interface RuleAction {

    /** The action's wire name ({@code type}). */
    String type();

    /** The action as stored and answered, its type included. */
    Map<String, Object> config();

    /** The action of checked settings. */
    static RuleAction of(Map<String, Object> action) {
        String type = (String) action.get("type");
        return switch (type) {
            case PauseCampaign.TYPE -> new PauseCampaign((String) action.get("reason"));
            case SendAlert.TYPE -> new SendAlert((String) action.get("severity"), (String) action.get("message"));
            case AdjustBudget.TYPE -> new AdjustBudget(decimalOrNull(action.get("amount")), decimalOrNull(action.get("percent")));
            case Optimize.TYPE -> new Optimize(decimalOrNull(action.get("amount")), decimalOrNull(action.get("percent")));
            case Scale.TYPE -> new Scale(decimalOrNull(action.get("percent")), decimalOrNull(action.get("cap")));
            case PauseChannel.TYPE -> new PauseChannel((String) action.get("channel"), (String) action.get("reason"));
            case ResumeChannel.TYPE -> new ResumeChannel((String) action.get("channel"));
            case SetChannelBudget.TYPE -> new SetChannelBudget((String) action.get("channel"), decimalOrNull(action.get("amount")));
            default -> throw new IllegalArgumentException("unknown action type " + type);
        };
    }

    /** Pauses the campaign, with the reason its history records (null: the rule's name). */
    record PauseCampaign(String reason) implements RuleAction {
        static final String TYPE = "pause_campaign";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "reason", reason);
        }
    }

    /** Raises an alert of a severity (null message: what the trigger observed). */
    record SendAlert(String severity, String message) implements RuleAction {
        static final String TYPE = "send_alert";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "severity", severity, "message", message);
        }
    }

    /** Changes the total budget by an amount or a percent of it (signed; exactly one is set). */
    record AdjustBudget(BigDecimal amount, BigDecimal percent) implements RuleAction {
        static final String TYPE = "adjust_budget";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "amount", amount, "percent", percent);
        }
    }

    /** Moves an amount, or a percent of the worst channel's unspent allocation, to the best channel by ROAS. */
    record Optimize(BigDecimal amount, BigDecimal percent) implements RuleAction {
        static final String TYPE = "optimize";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "amount", amount, "percent", percent);
        }
    }

    /** Raises the total budget by a percent, up to an optional cap on the total. */
    record Scale(BigDecimal percent, BigDecimal cap) implements RuleAction {
        static final String TYPE = "scale";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "percent", percent, "cap", cap);
        }
    }

    /** Seed 000's sync rule: pauses one channel of the campaign (its platform campaign follows when it is connected). */
    record PauseChannel(String channel, String reason) implements RuleAction {
        static final String TYPE = "pause_channel";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "channel", channel, "reason", reason);
        }
    }

    /** Resumes one paused channel of the campaign. */
    record ResumeChannel(String channel) implements RuleAction {
        static final String TYPE = "resume_channel";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "channel", channel);
        }
    }

    /** Sets one channel's allocation (what its platform campaign may spend), within the rule's guardrails and the budget. */
    record SetChannelBudget(String channel, BigDecimal amount) implements RuleAction {
        static final String TYPE = "set_channel_budget";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> config() {
            return settings(TYPE, "channel", channel, "amount", amount);
        }
    }

    /** The type and the settings that are set, in order. */
    private static Map<String, Object> settings(String type, Object... keysAndValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                config.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return config;
    }

    private static BigDecimal decimalOrNull(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
