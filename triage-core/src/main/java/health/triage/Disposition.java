package health.triage;

/**
 * Where and how soon a person should be seen, from the most to the least urgent.
 *
 * <p>The final disposition of an assessment is the most urgent one any rule concluded.
 */
public enum Disposition {
    EMERGENCY("Go to an emergency department now, or call an ambulance."),
    URGENT("See a clinician today, at the latest within 24 hours."),
    ROUTINE("Book an appointment with a clinician within the next days to two weeks."),
    SELF_CARE("Self-care at home is reasonable; see a clinician if you are not better within a few weeks.");

    private final String timeframe;

    Disposition(String timeframe) {
        this.timeframe = timeframe;
    }

    /** What this level means for the person, in plain words. */
    public String timeframe() {
        return timeframe;
    }

    /** True when this level is more urgent than {@code other}. */
    public boolean isMoreUrgentThan(Disposition other) {
        return ordinal() < other.ordinal();
    }

    /** The more urgent of two levels. */
    public static Disposition mostUrgent(Disposition a, Disposition b) {
        return a.isMoreUrgentThan(b) ? a : b;
    }

    /** The code used in JSON: the constant name, such as {@code SELF_CARE}. */
    public String code() {
        return name();
    }
}
