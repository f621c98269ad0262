package dev.campaignfn.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.campaignfn.common.ValidationException;

/**
 * The column sets of each platform's daily campaign report, as the platforms export them: the header row is found
 * below any title lines (Google Ads and LinkedIn put the report's name and period first; Microsoft Ads a block of
 * report settings), columns are matched by their exported names, and total and copyright lines are skipped.
 * <ul>
 * <li>Google Ads (Campaigns report, segmented by Day): {@code Day, Campaign, Campaign ID, Currency code, Cost}</li>
 * <li>Meta Ads Manager (broken down by Day): {@code Day} or {@code Reporting starts}/{@code Reporting ends},
 * {@code Campaign name}, {@code Campaign ID}, {@code Amount spent (EUR)} (the currency in the header) or
 * {@code Amount spent} with {@code Currency}</li>
 * <li>LinkedIn Campaign Manager (campaign performance, daily): {@code Start Date (in UTC)} (MM/DD/YYYY),
 * {@code Campaign Name}, {@code Campaign ID}, {@code Total Spent}, {@code Currency}</li>
 * <li>Microsoft Advertising (campaign performance, daily): {@code TimePeriod} or {@code Day}, {@code CampaignName} or
 * {@code Campaign name}, {@code CampaignId}, {@code CurrencyCode} or {@code Currency code}, {@code Spend}</li>
 * <li>generic: {@code date} (YYYY-MM-DD), {@code campaign} (our campaign id, or a mapped name), {@code amount},
 * {@code currency}, optional {@code channel}</li>
 * </ul>
 */
public final class SpendLayout {

    private static final Pattern AMOUNT_WITH_CURRENCY = Pattern.compile("amount spent \\(([a-z]{3})\\)");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

    /** One data row, read; {@code problem} says why it cannot be used (the rest may then be null). */
    public record Row(int line, LocalDate day, String campaignId, String campaignName, BigDecimal amount, String currency,
            String channel, String problem) {
    }

    /** The rows of a file, and the lines skipped as not data (totals, notes). */
    public record Read(List<Row> rows, int skipped) {
    }

    private record Columns(int day, int dayEnd, int id, int name, int amount, int currency, String headerCurrency, int channel) {
    }

    private SpendLayout() {
    }

    public static Read read(SpendImportPlatform platform, List<List<String>> lines) {
        int header = -1;
        Columns columns = null;
        for (int i = 0; i < lines.size() && columns == null; i++) {
            columns = columns(platform, lines.get(i));
            header = i;
        }
        if (columns == null) {
            throw ValidationException.of("body", "no " + platform.wire() + " header row found: expected the columns " + expected(platform));
        }
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        for (int i = header + 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            String first = cells.isEmpty() ? "" : cells.get(0).trim();
            if (cells.stream().allMatch(String::isBlank) || cells.size() == 1 || first.toLowerCase(Locale.ROOT).startsWith("total")) {
                skipped++;
                continue;
            }
            rows.add(row(platform, columns, cells, i + 1));
        }
        return new Read(rows, skipped);
    }

    private static Row row(SpendImportPlatform platform, Columns c, List<String> cells, int line) {
        String dayText = cell(cells, c.day());
        LocalDate day = date(dayText);
        if (day == null) {
            return problem(line, "the date '" + dayText + "' is not a day (YYYY-MM-DD" + (platform == SpendImportPlatform.LINKEDIN ? " or MM/DD/YYYY" : "") + ")");
        }
        if (c.dayEnd() >= 0 && !day.equals(date(cell(cells, c.dayEnd())))) {
            return problem(line, "the row covers more than one day: export the report broken down by day");
        }
        String currency = c.headerCurrency() != null ? c.headerCurrency() : cell(cells, c.currency());
        if (currency == null || !currency.trim().matches("[A-Za-z]{3}")) {
            return problem(line, "no currency: the row needs an ISO 4217 code");
        }
        BigDecimal amount;
        try {
            amount = amount(cell(cells, c.amount()));
        } catch (NumberFormatException e) {
            return problem(line, "the amount '" + cell(cells, c.amount()) + "' is not a number");
        }
        if (amount.signum() < 0) {
            return problem(line, "the amount is negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return problem(line, "the amount has more than 2 decimals");
        }
        String id = blankToNull(cell(cells, c.id()));
        String name = blankToNull(cell(cells, c.name()));
        if (id == null && name == null) {
            return problem(line, "no campaign");
        }
        return new Row(line, day, id, name, amount.setScale(2), currency.trim().toUpperCase(Locale.ROOT), blankToNull(cell(cells, c.channel())), null);
    }

    private static Row problem(int line, String why) {
        return new Row(line, null, null, null, null, null, null, why);
    }

    /** The columns when this line is the platform's header row, else null. */
    private static Columns columns(SpendImportPlatform platform, List<String> cells) {
        List<String> names = cells.stream().map(s -> s.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
        return switch (platform) {
            case GOOGLE_ADS -> complete(names.indexOf("day"), -1, names.indexOf("campaign id"), names.indexOf("campaign"),
                    names.indexOf("cost"), first(names, "currency code", "currency"), null, -1);
            case META -> {
                int amount = -1;
                String headerCurrency = null;
                for (int i = 0; i < names.size(); i++) {
                    Matcher m = AMOUNT_WITH_CURRENCY.matcher(names.get(i));
                    if (m.matches()) {
                        amount = i;
                        headerCurrency = m.group(1).toUpperCase(Locale.ROOT);
                    }
                }
                if (amount < 0) {
                    amount = names.indexOf("amount spent");
                }
                int day = names.indexOf("day");
                int end = -1;
                if (day < 0) {
                    day = names.indexOf("reporting starts");
                    end = names.indexOf("reporting ends");
                }
                yield complete(day, end, names.indexOf("campaign id"), names.indexOf("campaign name"), amount, names.indexOf("currency"),
                        headerCurrency, -1);
            }
            case LINKEDIN -> complete(first(names, "start date (in utc)", "start date"), -1, names.indexOf("campaign id"),
                    names.indexOf("campaign name"), first(names, "total spent", "amount spent"), names.indexOf("currency"), null, -1);
            case MICROSOFT_ADS -> complete(first(names, "timeperiod", "day", "gregorian date"), -1, first(names, "campaignid", "campaign id"),
                    first(names, "campaignname", "campaign name", "campaign"), first(names, "spend"),
                    first(names, "currencycode", "currency code", "currency"), null, -1);
            case GENERIC -> complete(names.indexOf("date"), -1, -1, names.indexOf("campaign"), names.indexOf("amount"),
                    names.indexOf("currency"), null, names.indexOf("channel"));
        };
    }

    private static Columns complete(int day, int dayEnd, int id, int name, int amount, int currency, String headerCurrency, int channel) {
        boolean found = day >= 0 && amount >= 0 && (id >= 0 || name >= 0) && (currency >= 0 || headerCurrency != null);
        return found ? new Columns(day, dayEnd, id, name, amount, currency, headerCurrency, channel) : null;
    }

    private static int first(List<String> names, String... candidates) {
        for (String candidate : candidates) {
            int index = names.indexOf(candidate);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    static String expected(SpendImportPlatform platform) {
        return switch (platform) {
            case GOOGLE_ADS -> "Day, Campaign and/or Campaign ID, Currency code, Cost";
            case META -> "Day (or Reporting starts/ends), Campaign name and/or Campaign ID, Amount spent (XXX) or Amount spent + Currency";
            case LINKEDIN -> "Start Date (in UTC), Campaign Name and/or Campaign ID, Total Spent, Currency";
            case MICROSOFT_ADS -> "TimePeriod (or Day), CampaignName and/or CampaignId, CurrencyCode, Spend";
            case GENERIC -> "date, campaign, amount, currency (channel optional)";
        };
    }

    private static String cell(List<String> cells, int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return t.contains("/") ? LocalDate.parse(t, US_DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 1,234.56}, {@code 1234.5}, {@code --} (no spend) as the platforms write amounts. */
    static BigDecimal amount(String text) {
        if (text == null || text.isBlank() || text.trim().equals("--")) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(text.trim().replace(",", ""));
    }
}
