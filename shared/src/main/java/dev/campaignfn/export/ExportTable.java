package dev.campaignfn.export;

import java.util.List;

/**
 * What an export holds before it is written in a format: a title, the facts that frame the numbers
 * (period, time zone, currency), the columns, and the rows, produced on demand so that a large export
 * is written as it is read.
 *
 * @param about label and value pairs stated above the table in a workbook (period, time zone, ...)
 */
public record ExportTable(String title, String fileStem, List<String[]> about, List<ExportColumn> columns, Rows rows) {

    /** Feeds each row, its cells in column order, to the sink. */
    @FunctionalInterface
    public interface Rows {
        void produce(RowSink sink) throws Exception;
    }

    @FunctionalInterface
    public interface RowSink {
        void row(Object... cells) throws Exception;
    }
}
