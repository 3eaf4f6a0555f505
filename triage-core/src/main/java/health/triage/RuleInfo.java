package health.triage;

import java.util.Objects;

/**
 * The traceable identity of one rule of the rule base.
 *
 * @param id     the stable {@code @id}, such as {@code CES-01}
 * @param name   the rule's name: a sentence a clinician can agree or disagree with
 * @param source the {@code @source} citation: document and section
 */
public record RuleInfo(String id, String name, String source) {
    public RuleInfo {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(source, "source must not be null");
    }
}
