package health.triage.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseFilesTest {

    @TempDir
    Path dir;

    @Test
    void list_jsonEntriesThatAreNotFiles_comeWithTheReasonTheyAreNotRead() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.createDirectory(dir.resolve("b.json"));
        Files.createSymbolicLink(dir.resolve("c.json"), dir.resolve("nowhere.json"));
        Files.createSymbolicLink(dir.resolve("d.json"), dir.resolve("d.json"));
        Files.writeString(dir.resolve("notes.txt"), "not a case file");

        List<CaseFiles.Entry> entries = CaseFiles.list(dir);

        assertEquals(List.of(
                new CaseFiles.Entry(dir.resolve("a.json"), null),
                new CaseFiles.Entry(dir.resolve("b.json"), "a folder, not a case file (folders inside a folder are not read)"),
                new CaseFiles.Entry(dir.resolve("c.json"), "a symbolic link to a file that does not exist"),
                new CaseFiles.Entry(dir.resolve("d.json"), "a loop of symbolic links")), entries);
    }

    @Test
    void problem_ofADevice_isThatItIsNotARegularFile() {
        assertEquals("not a regular file (a pipe, socket or device), so it is not read",
                CaseFiles.problem(Path.of("/dev/null")));
    }

    @Test
    void reason_saysWhatWentWrongWithoutRepeatingThePath() {
        assertEquals("permission denied", CaseFiles.reason(new AccessDeniedException("dir/b.json")));
        assertEquals("no such file or folder", CaseFiles.reason(new NoSuchFileException("dir/b.json")));
        assertEquals("Is a directory", CaseFiles.reason(new FileSystemException("x", null, "Is a directory")));
        assertEquals("Input/output error", CaseFiles.reason(new IOException("Input/output error")));
    }
}
