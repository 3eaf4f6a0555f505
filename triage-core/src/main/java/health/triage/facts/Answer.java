package health.triage.facts;

import health.triage.Finding;

import java.util.Objects;

/**
 * The answer to one finding, as rules see it. Every finding of the vocabulary has exactly one {@code Answer} in
 * working memory, so a rule can tell "asked, no" ({@code absent}) from "not asked" ({@code unknown}).
 *
 * <p>In DRL: {@code Answer( code == "fever", present )}. Rules name a finding by its vocabulary {@link #code()}, a
 * {@code String}, because Drools hashes equality tests on a {@code String} (or {@code int}) property: an answer then
 * meets only the tests of its own finding instead of every rule's. An enum such as {@code finding == Finding.FEVER}
 * is never hashed. A code that is not in the vocabulary is a build error of the rule base, naming the rule.
 *
 * @param finding the finding
 * @param present asked and present
 * @param absent  asked and absent
 * @param unknown not asked
 */
public record Answer(Finding finding, boolean present, boolean absent, boolean unknown) {
    public Answer {
        Objects.requireNonNull(finding, "finding must not be null");
        if ((present ? 1 : 0) + (absent ? 1 : 0) + (unknown ? 1 : 0) != 1) {
            throw new IllegalArgumentException("an answer is exactly one of present, absent, unknown");
        }
    }

    /** The finding's vocabulary code, such as {@code saddle_numbness}: what rules test. */
    public String code() {
        return finding.code();
    }

    /** The answer for a finding: {@code true} present, {@code false} absent, {@code null} unknown. */
    public static Answer of(Finding finding, Boolean value) {
        return new Answer(finding, Boolean.TRUE.equals(value), Boolean.FALSE.equals(value), value == null);
    }

    /**
     * The finding without its answer: a fact's text reaches logs (Drools writes facts at TRACE level), and an answer
     * is health data, which is never logged. {@link #describe()} gives the answer, for reasons.
     */
    @Override
    public String toString() {
        return "Answer[" + finding.code() + ": not shown]";
    }

    /** How the answer reads in a reason: {@code code: yes}, {@code code: no} or {@code code: not asked}. */
    public String describe() {
        return finding.code() + ": " + (present ? "yes" : absent ? "no" : "not asked");
    }
}
