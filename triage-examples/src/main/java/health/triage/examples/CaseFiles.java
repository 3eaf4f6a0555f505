package health.triage.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and opens case files for the commands: the {@code *.json} entries of a folder, and each file read up to the
 * limit of a case file. An entry that cannot be read (a folder, a pipe, a device, a broken or looping link) is never
 * skipped without a word: it comes with the reason it is not read, in plain words.
 */
final class CaseFiles {

    /**
     * One {@code *.json} entry of a folder.
     *
     * @param path    the entry
     * @param problem why it is not read as a case file, or {@code null} when it is a regular file
     */
    record Entry(Path path, String problem) {
    }

    private CaseFiles() {
    }

    /**
     * The entries of a folder whose names end in {@code .json} (in any case), sorted by name.
     *
     * @throws IOException when the folder cannot be listed; {@link #reason(IOException)} says why
     */
    static List<Entry> list(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new Entry(p, problem(p)))
                    .toList();
        }
    }

    /**
     * Why a path is not a regular file to read (it does not exist, is a folder, a pipe or a device, or a link that
     * loops or points nowhere), or {@code null} when it is one.
     */
    static String problem(Path entry) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class); // follows links
        } catch (IOException e) {
            try {
                entry.toRealPath(); // tells a loop from a link to nothing
            } catch (IOException why) {
                return Files.isSymbolicLink(entry) && why instanceof NoSuchFileException
                        ? "a symbolic link to a file that does not exist" : reason(why);
            }
            return reason(e);
        }
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isDirectory()) {
            return "a folder, not a case file (folders inside a folder are not read)";
        }
        return "not a regular file (a pipe, socket or device), so it is not read";
    }

    /**
     * Reads a file's cases, up to the limit of a case file.
     *
     * @throws IOException when the file cannot be opened or read; {@link #reason(IOException)} says why
     */
    static CaseReader.Cases read(String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CaseReader.of(name, in);
        }
    }

    /**
     * Why a file operation failed, in plain words (such as "permission denied"), without repeating the path, which
     * the Java message of some exceptions is all they say.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "a loop of symbolic links";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().startsWith("Too many levels of symbolic links") ? "a loop of symbolic links"
                    : fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
