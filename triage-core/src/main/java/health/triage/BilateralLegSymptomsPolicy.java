package health.triage;

/**
 * How urgently new symptoms in both legs are sent on when they are the only sign of possible cauda equina syndrome,
 * a point where guidelines differ: NICE CKS lists bilateral sciatica as a cauda equina red flag, the GIRFT 2023
 * primary-care list does not. Chosen once per engine with
 * {@link TriageEngine.Builder#bilateralLegSymptomsPolicy(BilateralLegSymptomsPolicy)} and recorded in every
 * {@link Assessment}.
 *
 * <p>Either way, new symptoms in both legs are never self-care or routine, and symptoms in both legs that come with
 * another cauda equina sign, or that are getting worse, are always an emergency.
 */
public enum BilateralLegSymptomsPolicy {
    /** Send to an emergency department now, as for the other cauda equina signs. The default. */
    EMERGENCY,
    /**
     * See a clinician today, with safety-netting that names the cauda equina signs that mean going to an emergency
     * department at once.
     */
    URGENT;

    /** The policy an engine uses when none is chosen. */
    public static final BilateralLegSymptomsPolicy DEFAULT = EMERGENCY;
}
