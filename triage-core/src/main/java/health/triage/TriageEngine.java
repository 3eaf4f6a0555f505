package health.triage;

import health.triage.internal.CompiledRuleBase;
import health.triage.internal.Evaluation;
import health.triage.internal.RuleFiles;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Assesses cases against a rule base. Build one engine and share it: {@link #assess(TriageCase)} is safe to call
 * from many threads at once.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder().build();   // the rule base of triage-rules on the classpath
 * Assessment result = engine.assess(TriageCase.builder(34).present(Finding.BUTTOCK_PAIN).build());
 * }</pre>
 */
public final class TriageEngine implements AutoCloseable {

    private final CompiledRuleBase ruleBase;
    private final BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy;
    private volatile boolean closed;

    private TriageEngine(CompiledRuleBase ruleBase, BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy) {
        this.ruleBase = ruleBase;
        this.bilateralLegSymptomsPolicy = bilateralLegSymptomsPolicy;
    }

    /** A builder; without options it loads the rule base shipped in {@code triage-rules}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assesses one case.
     *
     * @throws NullPointerException  when the case is null
     * @throws IllegalStateException when the engine is closed, or the rule base reaches no decision for the case
     */
    public Assessment assess(TriageCase triageCase) {
        Objects.requireNonNull(triageCase, "case must not be null");
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        return Evaluation.run(ruleBase, triageCase, bilateralLegSymptomsPolicy);
    }

    /** How this engine sends on new symptoms in both legs when they are the only cauda equina sign. */
    public BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy() {
        return bilateralLegSymptomsPolicy;
    }

    /** Identifies the exact rule text in use: the release version and a short hash of the DRL files. */
    public String ruleBaseVersion() {
        return ruleBase.version();
    }

    /** The files of the rule base, one per clinical concern, in name order, with the comment each opens with. */
    public List<RuleFile> ruleFiles() {
        return ruleBase.files();
    }

    /** Every rule of the rule base, in id order. */
    public List<RuleInfo> rules() {
        return ruleBase.rules().values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    /** Stops the engine; later calls to {@link #assess(TriageCase)} fail. Calling it twice is harmless. */
    @Override
    public void close() {
        closed = true;
    }

    /** Configures and builds a {@link TriageEngine}. */
    public static final class Builder {
        private Path rulesDirectory;
        private BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy = BilateralLegSymptomsPolicy.DEFAULT;

        private Builder() {
        }

        /**
         * Loads the rules from every {@code *.drl} file of a folder (for example a clinician's edited copy) instead
         * of the rule base on the classpath.
         */
        public Builder rulesFrom(Path directory) {
            this.rulesDirectory = Objects.requireNonNull(directory, "directory must not be null");
            return this;
        }

        /**
         * Chooses how new symptoms in both legs are sent on when they are the only cauda equina sign:
         * {@link BilateralLegSymptomsPolicy#EMERGENCY} (the default) or {@link BilateralLegSymptomsPolicy#URGENT}
         * with cauda equina safety-netting. Every assessment records the choice.
         */
        public Builder bilateralLegSymptomsPolicy(BilateralLegSymptomsPolicy policy) {
            this.bilateralLegSymptomsPolicy = Objects.requireNonNull(policy,
                    "bilateralLegSymptomsPolicy must not be null");
            return this;
        }

        /**
         * Compiles the rule base.
         *
         * @throws RuleBaseException        when a rule does not compile or lacks its id or source
         * @throws IllegalArgumentException when the rules folder cannot be read or holds no DRL file
         * @throws IllegalStateException    when no folder is given and no rule base is on the classpath
         */
        public TriageEngine build() {
            RuleFiles files = rulesDirectory == null ? RuleFiles.fromClasspath() : RuleFiles.fromDirectory(rulesDirectory);
            return new TriageEngine(CompiledRuleBase.compile(files), bilateralLegSymptomsPolicy);
        }
    }
}
