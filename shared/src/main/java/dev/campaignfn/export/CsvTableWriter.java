package dev.campaignfn.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled. Optionally a byte order mark first, which Excel needs to read UTF-8. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is written
 * with a leading apostrophe, so it stays text. The header block of a workbook is not written: the
 * first line is the column headers, as every CSV reader expects.
 */
public final class CsvTableWriter implements TableWriter {

    private final boolean byteOrderMark;

    public CsvTableWriter(boolean byteOrderMark) {
        this.byteOrderMark = byteOrderMark;
    }

    @Override
    public long write(ExportTable table, OutputStream out) throws Exception {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        List<ExportColumn> columns = table.columns();
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, columns.get(i).header());
        }
        writer.append(line).append("\r\n");
        long[] count = { 0 };
        try {
            table.rows().produce(cells -> {
                line.setLength(0);
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object cell = i < cells.length ? cells[i] : null;
                    if (cell != null) {
                        appendField(line, columns.get(i).kind() == ExportColumn.Kind.TEXT ? neutralise(cell.toString()) : format(cell));
                    }
                }
                writer.append(line).append("\r\n");
                count[0]++;
            });
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new ProducerFailed(e);
        }
        writer.flush();
        return count[0];
    }

    /** Numbers as plain decimals (never 1E+3), days and instants in ISO 8601. */
    static String format(Object cell) {
        return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell.toString();
    }

    /** A text cell a spreadsheet would evaluate keeps its text behind an apostrophe. */
    public static String neutralise(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

    private static void appendField(StringBuilder line, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
