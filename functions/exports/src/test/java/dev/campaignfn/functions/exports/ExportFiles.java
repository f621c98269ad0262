package dev.campaignfn.functions.exports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads exported files back with independent readers (Apache Commons CSV, fastexcel-reader) into one
 * shape: the header row, then the data rows as strings, numbers or dates, so that CSV and XLSX are
 * compared with the API the same way.
 */
final class ExportFiles {

    /** A sheet: the facts above the table (XLSX only), the headers, the rows. */
    record Table(List<List<String>> about, List<String> headers, List<List<Object>> rows, List<CellType> firstRowTypes) {
    }

    private ExportFiles() {
    }

    static Table csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> headers = records.get(0).toList();
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                rows.add(new ArrayList<>(record.toList()));
            }
            return new Table(List.of(), headers, rows, List.of());
        }
    }

    /** The header block is the rows before the first blank row; the header row follows it. */
    static Table xlsx(byte[] bytes) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<List<String>> about = new ArrayList<>();
            int r = 0;
            while (r == 0 || rows.get(r).getRowNum() == rows.get(r - 1).getRowNum() + 1) {
                about.add(texts(rows.get(r)));
                r++;
            }
            List<String> headers = texts(rows.get(r));
            List<List<Object>> data = new ArrayList<>();
            List<CellType> types = new ArrayList<>();
            for (Row row : rows.subList(r + 1, rows.size())) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getOptionalCell(c).orElse(null);
                    if (data.isEmpty()) {
                        types.add(cell == null ? CellType.EMPTY : cell.getType());
                    }
                    cells.add(value(cell));
                }
                data.add(cells);
            }
            return new Table(about, headers, data, types);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell == null ? null : cell.getText());
        }
        return texts;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && format.contains("yy")) {
                return format.contains("hh") ? cell.asDate() : cell.asDate().toLocalDate();
            }
            return cell.asNumber();
        }
        return cell.asString();
    }

    /** The worksheet's XML, to check what a reader does not expose (the frozen pane). */
    static String sheetXml(byte[] bytes) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
                if (entry == null) {
                    throw new AssertionError("no first worksheet in the workbook");
                }
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /** A cell as a number for comparison, whichever reader produced it. */
    static BigDecimal number(Object cell) {
        if (cell == null || "".equals(cell)) {
            return null;
        }
        return cell instanceof BigDecimal decimal ? decimal : new BigDecimal(cell.toString());
    }

    static LocalDate date(Object cell) {
        return cell instanceof LocalDate day ? day : LocalDate.parse(cell.toString());
    }
}
