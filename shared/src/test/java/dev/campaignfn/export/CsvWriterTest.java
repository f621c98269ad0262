package dev.campaignfn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;


/** The CSV writer on its own: RFC 4180 quoting and every character that starts a formula. */
class CsvWriterTest {

    @Test
    void quotesWhatNeedsQuotingAndNeutralisesFormulas() throws Exception {
        ExportTable table = new ExportTable("t", "t", List.of(), List.of(ExportColumn.text("Text, with comma"),
                new ExportColumn("Amount", ExportColumn.Kind.MONEY), ExportColumn.date("Day")), sink -> {
                    sink.row("=1+1", new BigDecimal("-12.50"), LocalDate.of(2026, 3, 29));
                    sink.row("+1", null, null);
                    sink.row("-1", new BigDecimal("1E+3"), null);
                    sink.row("@A1", null, null);
                    sink.row("\tTab", null, null);
                    sink.row("\rReturn", null, null);
                    sink.row("say \"hi\"\nthere", null, null);
                    sink.row("", null, null);
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(8, new CsvTableWriter(false).write(table, out));
        assertEquals("\"Text, with comma\",Amount,Day\r\n"
                + "'=1+1,-12.50,2026-03-29\r\n"
                + "'+1,,\r\n"
                + "'-1,1000,\r\n"
                + "'@A1,,\r\n"
                + "'\tTab,,\r\n"
                + "\"'\rReturn\",,\r\n"
                + "\"say \"\"hi\"\"\nthere\",,\r\n"
                + ",,\r\n", out.toString(StandardCharsets.UTF_8), "negative amounts stay numbers; only text is neutralised");
    }
}
