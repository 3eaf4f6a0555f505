package health.triage.examples;

import health.triage.Disposition;
import health.triage.LikelySource;
import health.triage.examples.ExampleExpectations.Expectation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading a cases folder's expectations.csv. */
class ExampleExpectationsTest {

    private static final String HEADER = "file,disposition,likelySource,basis\n";

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("expectations.csv"), content, StandardCharsets.UTF_8);
    }

    private String error(String content) throws IOException {
        Path file = csv(content);
        return assertThrows(IllegalArgumentException.class, () -> ExampleExpectations.read(file)).getMessage();
    }

    @Test
    void cells_splitQuotedCellsWithCommasAndQuotes() {
        assertEquals(List.of("a.json", "ROUTINE", "SPINAL", "x, \"y\" z"),
                ExampleExpectations.cells(dir, 2, "a.json,ROUTINE,SPINAL,\"x, \"\"y\"\" z\""));
    }

    @Test
    void read_givesEachRowByFileWithItsLine() throws IOException {
        Path file = csv(HEADER + "a.json,EMERGENCY,SPINAL,\"policy, EMERGENCY\"\n\nb.json,SELF_CARE,PIRIFORMIS,policy\n");

        Map<String, Expectation> rows = ExampleExpectations.read(file);

        assertEquals(List.of(new Expectation(2, "a.json", Disposition.EMERGENCY, LikelySource.SPINAL, "policy, EMERGENCY"),
                new Expectation(4, "b.json", Disposition.SELF_CARE, LikelySource.PIRIFORMIS, "policy")),
                List.copyOf(rows.values()));
    }

    @Test
    void read_wrongHeader_isRejected() throws IOException {
        assertEquals(dir.resolve("expectations.csv") + " line 1: the header must be file,disposition,likelySource,basis",
                error("file,disposition\n"));
    }

    @Test
    void read_unknownDisposition_namesLineValueAndChoices() throws IOException {
        assertEquals(dir.resolve("expectations.csv") + " line 2: unknown disposition 'URGNET' (one of EMERGENCY, "
                + "URGENT, ROUTINE, SELF_CARE)", error(HEADER + "a.json,URGNET,SPINAL,policy\n"));
    }

    @Test
    void read_missingCell_isRejected() throws IOException {
        assertEquals(dir.resolve("expectations.csv") + " line 2: expected 4 cells (file,disposition,likelySource,"
                + "basis), found 3", error(HEADER + "a.json,URGENT,SPINAL\n"));
    }

    @Test
    void read_blankBasis_isRejected() throws IOException {
        assertEquals(dir.resolve("expectations.csv") + " line 2: no basis: say where the expectation comes from",
                error(HEADER + "a.json,URGENT,SPINAL, \n"));
    }

    @Test
    void read_fileNamedTwice_isRejected() throws IOException {
        assertEquals(dir.resolve("expectations.csv") + " line 3: a.json is already named on line 2",
                error(HEADER + "a.json,URGENT,SPINAL,x\na.json,ROUTINE,SPINAL,y\n"));
    }

    @Test
    void read_unclosedQuote_isRejected() throws IOException {
        assertEquals(dir.resolve("expectations.csv") + " line 2: a quote is not closed",
                error(HEADER + "a.json,URGENT,SPINAL,\"x\n"));
    }
}
