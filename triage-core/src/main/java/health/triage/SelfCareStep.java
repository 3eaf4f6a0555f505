package health.triage;

import java.util.Objects;

/**
 * One technique of a self-care plan, with its dose and its precaution.
 *
 * @param order      where the step goes in the plan (lower first)
 * @param title      a short name, such as "Figure-four stretch"
 * @param howTo      what to do, with how long and how often
 * @param precaution when to ease off or stop
 */
public record SelfCareStep(int order, String title, String howTo, String precaution) {
    public SelfCareStep {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(howTo, "howTo must not be null");
        Objects.requireNonNull(precaution, "precaution must not be null");
    }
}
