package health.triage.internal;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The executable model of the classpath rule base, made from its DRL when triage-rules is built, so that an engine
 * starts without compiling DRL (which takes most of a cold start). The DRL stays the reviewed source: the model
 * records the version of the DRL text it was made from ({@link RuleFiles#version()}, a hash of every file) and is
 * used only while that matches the DRL on the classpath; otherwise the DRL is compiled as before. A folder of rules
 * ({@code rulesFrom}) is always compiled from its DRL.
 *
 * <p>Build time: {@code PrebuiltModel OUTPUT_DIRECTORY} (run by triage-rules' pom, with drools-model-codegen on the
 * classpath) writes the model's classes and {@value #INDEX} into the output directory.
 */
public final class PrebuiltModel {

    /** Lists the model classes and the version of the DRL they were made from. */
    static final String INDEX = RuleFiles.CLASSPATH_FOLDER + "executable-model.properties";
    private static final String PROJECT_TYPE = "org.drools.model.codegen.ExecutableModelProject";
    private static final String MODEL_LIST = "drools-model";
    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltModel.class);

    private PrebuiltModel() {
    }

    /** The KieBase of the pre-built model, when there is one on the classpath for exactly these files. */
    static Optional<KieBase> load(RuleFiles files) {
        return load(files, PrebuiltModel.class.getClassLoader());
    }

    /** {@link #load(RuleFiles)} with the index and the model classes looked up in {@code loader}. */
    static Optional<KieBase> load(RuleFiles files, ClassLoader loader) {
        Properties index = new Properties();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return Optional.empty();
            }
            index.load(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}; compiling the DRL instead: {}", INDEX, e.getMessage());
            return Optional.empty();
        }
        if (!files.version().equals(index.getProperty("version"))) {
            LOG.info("the pre-built executable model is of rule base {}, not {}; compiling the DRL instead",
                    index.getProperty("version"), files.version());
            return Optional.empty();
        }
        try {
            List<org.drools.model.Model> models = new ArrayList<>();
            for (String name : index.getProperty("models", "").split(",")) {
                if (!name.isBlank()) {
                    models.add((org.drools.model.Model) Class.forName(name.strip(), true, loader)
                            .getDeclaredConstructor().newInstance());
                }
            }
            if (models.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models));
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.warn("cannot load the pre-built executable model; compiling the DRL instead: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Writes the executable model of the classpath rule base into a class output directory. */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrebuiltModel OUTPUT_DIRECTORY");
        }
        Path output = Path.of(args[0]);
        RuleFiles files = RuleFiles.fromClasspath();
        Written written = write(files, output);
        LOG.info("executable model of rule base {}: {} classes, models {}, written to {}", files.version(),
                written.classes(), written.models(), output);
    }

    /** What {@link #write} wrote: the number of class files, and the model classes the index lists. */
    record Written(int classes, List<String> models) {
    }

    /**
     * Writes the executable model of some rule files into a class output directory: the classes of the packages the
     * rule files declare, and {@value #INDEX} with the version of the files and the model classes.
     * Needs drools-model-codegen on the classpath.
     */
    static Written write(RuleFiles files, Path output) throws IOException, ClassNotFoundException {
        KieServices services = CompiledRuleBase.services();
        ReleaseId releaseId = services.newReleaseId("health.triage.generated", "executable-model", "1.0.0");
        @SuppressWarnings("unchecked")
        Class<? extends KieBuilder.ProjectType> projectType =
                (Class<? extends KieBuilder.ProjectType>) Class.forName(PROJECT_TYPE);
        InternalKieModule module = (InternalKieModule) CompiledRuleBase.build(services, files, releaseId, projectType)
                .getKieModule();
        List<String> models = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/" + MODEL_LIST)) {
                String list = new String(module.getBytes(name), StandardCharsets.UTF_8);
                Arrays.stream(list.split("\\R")).map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.contains(":")).forEach(models::add);
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the executable model lists no model class");
        }
        // the classes of the packages the rule files declare, which is where the model classes are generated
        List<String> packages = models.stream().map(m -> m.substring(0, m.lastIndexOf('.') + 1).replace('.', '/'))
                .distinct().toList();
        int classes = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class") && packages.stream().anyMatch(name::startsWith)) {
                Path file = output.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, module.getBytes(name));
                classes++;
            }
        }
        if (classes == 0) {
            throw new IllegalStateException("the executable model has no class in the packages of " + models);
        }
        Path index = output.resolve(INDEX);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "# Made from the DRL by health.triage.internal.PrebuiltModel at build time.\n"
                + "version=" + files.version() + "\nmodels=" + String.join(",", models) + "\n",
                StandardCharsets.ISO_8859_1);
        return new Written(classes, List.copyOf(models));
    }
}
