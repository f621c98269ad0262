package dev.campaignfn.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an export table in one format, row by row, to a stream; memory stays bounded. */
public interface TableWriter {

    /** Writes the whole table; the stream is left open. Returns the number of data rows. */
    long write(ExportTable table, OutputStream out) throws Exception;

    static TableWriter of(ExportFormat format, boolean byteOrderMark) {
        return format == ExportFormat.CSV ? new CsvTableWriter(byteOrderMark) : new XlsxTableWriter();
    }

    /** Thrown when the row producer fails: the caller decides how to report it. */
    final class ProducerFailed extends IOException {
        private static final long serialVersionUID = 1L;

        ProducerFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
