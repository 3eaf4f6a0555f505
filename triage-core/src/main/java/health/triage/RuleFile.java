package health.triage;

import java.util.Objects;

/**
 * One file of the rule base: one clinical concern.
 *
 * @param name        the DRL file name, such as {@code red-flags-cauda-equina.drl}
 * @param description the comment that opens the file: what it decides and from which sources
 */
public record RuleFile(String name, String description) {
    public RuleFile {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(description, "description must not be null");
    }
}
