package health.triage.facts;

import health.triage.Finding;

import java.util.Objects;

/**
 * An unanswered finding whose answer could still change a self-care disposition, alone or with other answers. The
 * engine inserts one for each such finding, and only when the rules reached self-care while the assessment is not
 * complete: the rules then keep the case above self-care until it is answered.
 *
 * <p>In DRL: {@code OpenQuestion( $finding : finding )}.
 */
public record OpenQuestion(Finding finding) {
    public OpenQuestion {
        Objects.requireNonNull(finding, "finding must not be null");
    }
}
