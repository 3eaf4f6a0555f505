package health.triage.facts;

import health.triage.BilateralLegSymptomsPolicy;

import java.util.Objects;

/**
 * The policy choices the engine was built with, inserted by the engine into every assessment so that rules can
 * follow them. In DRL: {@code Policy( bilateralLegSymptoms == BilateralLegSymptomsPolicy.URGENT )}.
 *
 * @param bilateralLegSymptoms how urgent new symptoms in both legs on their own are
 */
public record Policy(BilateralLegSymptomsPolicy bilateralLegSymptoms) {
    public Policy {
        Objects.requireNonNull(bilateralLegSymptoms, "bilateralLegSymptoms must not be null");
    }
}
