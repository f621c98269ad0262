package dev.campaignfn.export;

/** A column of an export: its header and what its cells hold, which decides how they are written. */
public record ExportColumn(String header, Kind kind) {

    public enum Kind {
        /** Free text: neutralised against formula injection. */
        TEXT,
        /** Whole numbers (counts). */
        INTEGER,
        /** Amounts in the export's currency, two decimals. */
        MONEY,
        /** Percentages 0–100, two decimals, as the API answers them. */
        PERCENT,
        /** Plain ratios such as ROAS, two decimals. */
        RATIO,
        /** A calendar day. */
        DATE,
        /** An instant, written in UTC. */
        TIMESTAMP
    }

    public static ExportColumn text(String header) {
        return new ExportColumn(header, Kind.TEXT);
    }

    public static ExportColumn date(String header) {
        return new ExportColumn(header, Kind.DATE);
    }
}
