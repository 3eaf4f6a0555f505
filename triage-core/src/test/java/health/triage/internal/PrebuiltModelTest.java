package health.triage.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-built executable model is used only when it was made from exactly the DRL being loaded; anything else (no
 * model, another version, an index without model classes, classes that cannot be loaded) falls back to compiling the
 * DRL. Written and loaded here for the test rule base {@code rulebases/minimal}.
 */
class PrebuiltModelTest {

    private static final RuleFiles MINIMAL = RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases/minimal"));

    /** A class loader that sees {@code folder} before the test class path. */
    private static URLClassLoader over(Path folder) throws IOException {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, PrebuiltModelTest.class.getClassLoader());
    }

    private static void index(Path folder, String version, String models) throws IOException {
        Path index = folder.resolve(PrebuiltModel.INDEX);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "version=" + version + "\nmodels=" + models + "\n");
    }

    private static Optional<KieBase> load(Path folder) throws IOException {
        try (URLClassLoader loader = over(folder)) {
            return PrebuiltModel.load(MINIMAL, loader);
        }
    }

    @Test
    void write_thenLoad_givesTheRulesOfTheDrl(@TempDir Path output) throws Exception {
        PrebuiltModel.Written written = PrebuiltModel.write(MINIMAL, output);

        Properties index = new Properties();
        try (var in = Files.newInputStream(output.resolve(PrebuiltModel.INDEX))) {
            index.load(in);
        }
        Optional<KieBase> loaded = load(output);

        assertAll(
                () -> assertTrue(written.classes() > 0, "no class written"),
                () -> assertFalse(written.models().isEmpty(), "no model listed"),
                () -> assertEquals(MINIMAL.version(), index.getProperty("version")),
                () -> assertEquals(String.join(",", written.models()), index.getProperty("models")),
                () -> assertTrue(loaded.isPresent(), "the model written for these files was not used"),
                () -> assertEquals(List.of("Every case gets an unclear source", "Fever needs a clinician the same day",
                                "Patients older than 70 are noted with their age"),
                        loaded.orElseThrow().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                                .map(Rule::getName).sorted().collect(Collectors.toList())));
    }

    @Test
    void load_withoutAnIndex_compilesTheDrlInstead(@TempDir Path empty) throws IOException {
        assertTrue(load(empty).isEmpty());
    }

    @Test
    void load_modelOfOtherDrl_compilesTheDrlInstead(@TempDir Path output) throws Exception {
        PrebuiltModel.Written written = PrebuiltModel.write(MINIMAL, output);
        index(output, MINIMAL.version() + "-edited", String.join(",", written.models()));

        assertTrue(load(output).isEmpty(), "a model made from other DRL text must not be used");
    }

    @Test
    void load_indexWithoutModelClasses_compilesTheDrlInstead(@TempDir Path folder) throws IOException {
        index(folder, MINIMAL.version(), " , ");

        assertTrue(load(folder).isEmpty());
    }

    @Test
    void load_modelClassThatCannotBeLoaded_compilesTheDrlInsteadAndWarns(@TempDir Path folder) throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(PrebuiltModel.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        logger.setAdditive(false); // the warnings are expected here: captured, not printed
        Optional<KieBase> missing;
        Optional<KieBase> notAModel;
        try {
            index(folder, MINIMAL.version(), "health.triage.rules.NoSuchModel");
            missing = load(folder);
            index(folder, MINIMAL.version(), "java.lang.String");
            notAModel = load(folder);
        } finally {
            logger.detachAppender(warnings);
            logger.setAdditive(true);
        }

        assertAll(
                () -> assertTrue(missing.isEmpty()),
                () -> assertTrue(notAModel.isEmpty()),
                () -> assertEquals(List.of(Level.WARN, Level.WARN),
                        warnings.list.stream().map(ILoggingEvent::getLevel).toList()),
                () -> assertTrue(warnings.list.get(0).getFormattedMessage().startsWith("cannot load the pre-built "
                        + "executable model; compiling the DRL instead: java.lang.ClassNotFoundException: "
                        + "health.triage.rules.NoSuchModel"), () -> warnings.list.get(0).getFormattedMessage()),
                () -> assertTrue(warnings.list.get(1).getFormattedMessage().contains("ClassCastException"),
                        () -> warnings.list.get(1).getFormattedMessage()));
    }
}
