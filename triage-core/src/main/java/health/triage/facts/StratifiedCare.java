package health.triage.facts;

import health.triage.Stratification;

import java.util.Objects;

/**
 * Concluded in the {@code source} stage when a case follows its stratification's pathway: nerve-root pain with no
 * warning sign and no unanswered screening question, whose STarT Back risk sends it to physiotherapy. The referral
 * rules read it, so the condition is written once.
 *
 * <p>In DRL: {@code StratifiedCare( risk == Stratification.Risk.HIGH )}.
 *
 * @param risk the risk group that chose the pathway (medium or high)
 */
public record StratifiedCare(Stratification.Risk risk) {
    public StratifiedCare {
        Objects.requireNonNull(risk, "risk must not be null");
    }
}
