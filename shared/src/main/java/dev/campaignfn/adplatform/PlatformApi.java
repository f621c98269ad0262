package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the ad platforms are asked: whether a connection works, to apply one push, and a campaign's spend by day. */
interface PlatformApi {

    /** What a working connection's account and campaign look like on the platform. */
    record Account(String currency, String timeZone, String campaignName, String campaignStatus) {
    }

    /** One day's spend as the platform reports it, in the account's currency and time zone. */
    record DaySpend(LocalDate day, BigDecimal amount) {
    }

    record SpendReport(String currency, List<DaySpend> days) {
    }

    /** Asks the platform whether the credentials reach the account and its campaign; throws the refusal if not. */
    Account check(ChannelConnection connection, Map<String, String> secrets);

    /** Applies one push (a status, a budget, a launch); throws the refusal if the platform does not take it. */
    void push(ChannelConnection connection, Map<String, String> secrets, ChannelPush push);

    /** The campaign's spend per day from {@code from} to {@code to}, inclusive. */
    SpendReport spend(ChannelConnection connection, Map<String, String> secrets, LocalDate from, LocalDate to);
}
