package health.triage;

import java.util.Objects;

/**
 * One rule of the rule base, as a clinician reviews it: its identity, where it is written, and its text.
 *
 * @param id         the stable {@code @id}, such as {@code CES-01}
 * @param name       the rule's name: a sentence a clinician can agree or disagree with
 * @param source     the {@code @source} citation: document and section
 * @param file       the DRL file the rule is written in
 * @param line       the 1-based line of the rule's first line in that file
 * @param stage      the stage it runs in: {@code findings}, {@code source} or {@code advice}
 * @param conditions the rule's {@code when} part, as written
 * @param conclusion the rule's {@code then} part, as written
 */
public record RuleInfo(String id, String name, String source, String file, int line, String stage,
                       String conditions, String conclusion) {
    public RuleInfo {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(stage, "stage must not be null");
        Objects.requireNonNull(conditions, "conditions must not be null");
        Objects.requireNonNull(conclusion, "conclusion must not be null");
    }
}
