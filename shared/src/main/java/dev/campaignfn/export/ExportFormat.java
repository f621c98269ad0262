package dev.campaignfn.export;

import java.util.Locale;

import dev.campaignfn.common.ValidationException;

/** The file types an export is written in; {@code excel} is seed 004's name for XLSX. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=utf-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** csv (default), excel or xlsx. */
    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "excel", "xlsx" -> XLSX;
            default -> throw ValidationException.of("format", "must be csv, excel or xlsx, not '" + value.strip() + "'");
        };
    }
}
