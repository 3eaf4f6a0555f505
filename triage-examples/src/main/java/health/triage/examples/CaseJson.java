package health.triage.examples;

import health.triage.Assessment;
import health.triage.NextQuestions;
import health.triage.TriageCase;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line's JSON for one case, for other front ends that must speak exactly the same JSON (such as
 * triage-service's {@code POST /assess}): a case read as {@code assess} reads a case file, with the same limits and
 * error messages, and a result written as {@code assess --json} writes its line.
 */
public final class CaseJson {

    /** A case that cannot be assessed, with the command line's message; {@link #id()} is its id when readable. */
    public static final class RejectedCase extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String id;

        RejectedCase(String id, String message) {
            super(message);
            this.id = id;
        }

        /** The case's id, or {@code null} when it could not be read. */
        public String id() {
            return id;
        }
    }

    private CaseJson() {
    }

    /**
     * One case object read from JSON, as {@code assess} reads a case file.
     *
     * @param name    how to name the input in messages, such as {@code <request>}
     * @param content the raw bytes
     * @throws RejectedCase with the command line's message (starting with {@code name}), when the content is not
     *                      exactly one valid case object
     */
    public static TriageCase readOne(String name, byte[] content) {
        CaseReader.Cases cases = CaseReader.of(name, content);
        if (cases.array()) {
            throw new RejectedCase(null, name + ": expected one case object, not an array; send one case at a time");
        }
        List<CaseReader.Read> reads = new ArrayList<>(1);
        cases.forEach(reads::add);
        if (reads.get(0) instanceof CaseReader.Rejected rejected) {
            throw new RejectedCase(rejected.id(), rejected.error());
        }
        return ((CaseReader.Valid) reads.get(0)).triageCase();
    }

    /** The line {@code assess --json --no-next-questions} prints for an assessed case. */
    public static String line(String input, Assessment assessment) {
        return JsonResults.line(input, assessment);
    }

    /** The line {@code assess --json} prints for an assessed case with its next questions. */
    public static String line(String input, NextQuestions next) {
        return JsonResults.line(input, next);
    }

    /**
     * A JSON parser's message in the plain words the command line uses: no advice to enable parser features, no
     * internal names, no source excerpt.
     */
    public static String plainWords(com.fasterxml.jackson.core.JsonProcessingException e) {
        return CaseReader.clean(e);
    }

    /** The line {@code assess --json} prints for a case that could not be assessed. */
    public static String error(String input, String id, String error) {
        return JsonResults.error(input, id, error);
    }
}
