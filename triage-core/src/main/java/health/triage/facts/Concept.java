package health.triage.facts;

import health.triage.Finding;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A clinical concept that several findings can show, such as "a nerve symptom or sign in the leg", concluded once per
 * assessment by the rule that defines it (concepts.drl), so that every rule reads the concept instead of a copy of its
 * list of findings. A concept is {@code present} when any member finding is present, {@code absent} only when every
 * member was answered absent, and {@code unknown} otherwise: a member not asked is never taken as "no".
 *
 * <p>In DRL, the definition: {@code $members : List() from collect( Answer( code in ( "a", "b" ) ) )} then
 * {@code insert( Concept.of( "name", $members ) )}; a rule that reads it:
 * {@code Concept( name == "leg_nerve_symptom", present )}, or {@code Concept( name == "fracture_risk",
 * presentCount >= 2 )}.
 *
 * @param name    the concept's code, such as {@code leg_nerve_symptom}
 * @param present some member finding is present
 * @param absent  every member finding was answered absent
 * @param unknown no member is present and some member was not asked
 * @param members the answers of every member finding, in the vocabulary's order
 */
public record Concept(String name, boolean present, boolean absent, boolean unknown, List<Answer> members) {
    public Concept {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must name the concept, such as \"leg_nerve_symptom\", was blank");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("concept " + name + " must have at least one member finding, had none");
        }
        if ((present ? 1 : 0) + (absent ? 1 : 0) + (unknown ? 1 : 0) != 1) {
            throw new IllegalArgumentException("concept " + name + " is exactly one of present, absent, unknown");
        }
    }

    /** The concept from the answers of its member findings (the objects of a {@code collect} of answers). */
    public static Concept of(String name, List<?> answers) {
        Objects.requireNonNull(answers, "answers must not be null");
        List<Answer> members = answers.stream().map(o -> {
            if (o instanceof Answer a) {
                return a;
            }
            throw new IllegalArgumentException("concept " + name + " is made of answers, got " + o);
        }).sorted(Comparator.comparing(Answer::finding)).distinct().toList();
        boolean present = members.stream().anyMatch(Answer::present);
        boolean absent = !members.isEmpty() && members.stream().allMatch(Answer::absent);
        return new Concept(name, present, absent, !present && !absent, members);
    }

    /** How many member findings are present. */
    public int presentCount() {
        return (int) members.stream().filter(Answer::present).count();
    }

    /** The member findings not asked, in the vocabulary's order. */
    public List<Finding> unknownMembers() {
        return members.stream().filter(Answer::unknown).map(Answer::finding).toList();
    }

    /** The member findings present, in the vocabulary's order. */
    public List<Finding> presentMembers() {
        return members.stream().filter(Answer::present).map(Answer::finding).toList();
    }

    /**
     * How the concept reads in a reason: the concept and the member answers that decide it (those present when it is
     * present, those not asked when it is unknown, every member when it is absent).
     */
    public List<String> describe() {
        String state = present ? "present" : absent ? "absent" : "unknown";
        java.util.function.Predicate<Answer> deciding = present ? Answer::present : absent ? Answer::absent
                : Answer::unknown;
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("concept " + name + ": " + state),
                members.stream().filter(deciding).map(Answer::describe)).toList();
    }

    /** The name and state, without the answers: a fact's text reaches logs, and answers are health data. */
    @Override
    public String toString() {
        return "Concept[" + name + ": not shown]";
    }
}
