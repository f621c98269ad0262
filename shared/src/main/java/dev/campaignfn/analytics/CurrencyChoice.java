package dev.campaignfn.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.ValidationException;

/**
 * Answers that add money over campaigns keep to one currency: the one asked for ({@code currency}),
 * else the currency most of the campaigns report in (alphabetical first on a tie). The campaigns in
 * other currencies are left out and counted, so the caller can switch.
 */
public record CurrencyChoice(String currency, List<Campaign> campaigns, List<CurrencyCount> others) {

    /** Campaigns left out of an answer because they report in another currency. */
    public record CurrencyCount(String currency, int campaigns) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    static CurrencyChoice of(List<Campaign> candidates, String requested) {
        if (requested != null && !CODE.matcher(requested).matches()) {
            throw ValidationException.of("currency", "must be an ISO 4217 code such as EUR, not '" + requested + "'");
        }
        Map<String, Integer> counts = new TreeMap<>();
        candidates.forEach(c -> counts.merge(c.currency, 1, Integer::sum));
        String currency = requested != null ? requested
                : counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
        List<CurrencyCount> others = new ArrayList<>();
        counts.forEach((code, count) -> {
            if (!code.equals(currency)) {
                others.add(new CurrencyCount(code, count));
            }
        });
        return new CurrencyChoice(currency, candidates.stream().filter(c -> c.currency.equals(currency)).toList(), others);
    }
}
