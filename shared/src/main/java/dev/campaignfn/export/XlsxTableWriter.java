package dev.campaignfn.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A real XLSX workbook written as a stream (fastexcel): a header block stating what the numbers are
 * (title, period, time zone, currency), a bold header row frozen in place, counts and amounts as
 * numeric cells with number formats, days and instants as dates. Rows are flushed every thousand and
 * text is written inline (not into the shared strings table), so memory does not grow with the export.
 */
public final class XlsxTableWriter implements TableWriter {

    static final int FLUSH_EVERY = 1_000;
    static final String MONEY_FORMAT = "#,##0.00";
    static final String DECIMAL_FORMAT = "0.00";
    static final String INTEGER_FORMAT = "#,##0";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";

    @Override
    public long write(ExportTable table, OutputStream out) throws Exception {
        Workbook workbook = new Workbook(out, "Campaign functions", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
        int row = 0;
        sheet.value(row, 0, table.title());
        sheet.style(row, 0).bold().set();
        row++;
        for (String[] fact : table.about()) {
            sheet.value(row, 0, fact[0]);
            sheet.value(row, 1, fact[1]);
            row++;
        }
        row++;
        List<ExportColumn> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(row, c, columns.get(c).header());
            sheet.style(row, c).bold().fillColor("DDEBF7").set();
            sheet.width(c, columns.get(c).kind() == ExportColumn.Kind.TEXT ? 24 : columns.get(c).kind() == ExportColumn.Kind.TIMESTAMP ? 20 : 14);
        }
        row++;
        sheet.freezePane(0, row);
        int[] next = { row };
        long[] count = { 0 };
        try {
            table.rows().produce(cells -> {
                int r = next[0]++;
                for (int c = 0; c < columns.size() && c < cells.length; c++) {
                    write(sheet, r, c, columns.get(c).kind(), cells[c]);
                }
                if (++count[0] % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            });
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new ProducerFailed(e);
        }
        sheet.finish();
        workbook.finish();
        return count[0];
    }

    private static void write(Worksheet sheet, int r, int c, ExportColumn.Kind kind, Object cell) {
        if (cell == null) {
            return;
        }
        switch (kind) {
            // inline, not in the shared strings table, which fastexcel keeps in memory until the end
            case TEXT -> sheet.inlineString(r, c, cell.toString());
            case INTEGER -> {
                sheet.value(r, c, (Number) cell);
                sheet.style(r, c).format(INTEGER_FORMAT).set();
            }
            case MONEY -> {
                sheet.value(r, c, (BigDecimal) cell);
                sheet.style(r, c).format(MONEY_FORMAT).set();
            }
            case PERCENT, RATIO -> {
                sheet.value(r, c, (BigDecimal) cell);
                sheet.style(r, c).format(DECIMAL_FORMAT).set();
            }
            case DATE -> {
                sheet.value(r, c, (LocalDate) cell);
                sheet.style(r, c).format(DATE_FORMAT).set();
            }
            case TIMESTAMP -> {
                sheet.value(r, c, LocalDateTime.ofInstant((Instant) cell, ZoneOffset.UTC));
                sheet.style(r, c).format(TIMESTAMP_FORMAT).set();
            }
        }
    }

    /** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    static String sheetName(String title) {
        String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return name.isEmpty() ? "Export" : name.length() > 31 ? name.substring(0, 31) : name;
    }
}
