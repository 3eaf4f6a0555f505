package health.triage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The DRL text of a rule base, by file name, with the version that identifies it.
 *
 * @param files   DRL file name to its text, in name order
 * @param release the release the text comes from, or {@code local} for a folder
 */
public record RuleFiles(Map<String, String> files, String release) {

    /** Where triage-rules puts its DRL files and its index on the classpath. */
    public static final String CLASSPATH_FOLDER = "health/triage/rules/";
    static final String INDEX = CLASSPATH_FOLDER + "rulebase.properties";

    public RuleFiles {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The rule base listed in {@code health/triage/rules/rulebase.properties} on the classpath. */
    public static RuleFiles fromClasspath() {
        return fromClasspath(RuleFiles.class.getClassLoader());
    }

    /** The rule base listed in the index that {@code loader} finds. */
    static RuleFiles fromClasspath(ClassLoader loader) {
        Properties index = new Properties();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("no rule base on the classpath (" + INDEX
                        + " not found): add the triage-rules artifact, or use rulesFrom(folder)");
            }
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        Map<String, String> files = new TreeMap<>();
        for (String name : index.getProperty("files", "").split(",")) {
            String file = name.strip();
            if (file.isEmpty()) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(CLASSPATH_FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException(INDEX + " lists " + file + " but it is not on the classpath");
                }
                files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + file, e);
            }
        }
        return new RuleFiles(files, index.getProperty("version", "unknown"));
    }

    /** Every {@code *.drl} file directly in a folder. */
    public static RuleFiles fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rules folder " + directory + " does not exist or is not a folder");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path path : listing.filter(p -> p.getFileName().toString().endsWith(".drl")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rules folder " + directory + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("rules folder " + directory + " holds no .drl file");
        }
        return new RuleFiles(files, "local");
    }

    /** The release plus a short hash of every file's name and text, such as {@code 0.1.0+3f9a1c2b7d4e}. */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return release + "+" + HexFormat.of().formatHex(Arrays.copyOf(digest.digest(), 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The file names, in order. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }
}
