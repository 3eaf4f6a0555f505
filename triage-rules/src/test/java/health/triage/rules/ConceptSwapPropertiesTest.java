package health.triage.rules;

import health.triage.Disposition;
import health.triage.Finding;
import health.triage.TriageCase;
import health.triage.BilateralLegSymptomsPolicy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static health.triage.rules.CaseFileFormat.caseFile;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One clinical concept, one meaning (docs/POLICY.md "Concepts"): the same person must not get a less urgent
 * disposition because a sign arrived through another code of the same concept. The concepts and their members are
 * read from their one definition, concepts.drl, never copied here.
 *
 * <p>The property: in a generated case with member A of a concept present, replacing A by another member B (A
 * answered no, B yes) never lowers the disposition, whenever B is on its own at least as urgent as A and B belongs to
 * every concept A belongs to. "On its own" is the case with every other finding answered yes turned to no (the
 * follow-up answers, the unasked questions, the age, duration and pain score, and the cues that belong to no concept
 * kept): a member may carry a meaning of its own (a dropping foot is an emergency whatever the concept says), and
 * only what the concept adds must not depend on which member brought it.
 */
class ConceptSwapPropertiesTest {

    private static final Pattern DEFINITION = Pattern.compile(
            "collect\\(\\s*Answer\\(\\s*code (?:in \\(([^)]*)\\)|== (\"[a-z0-9_]+\"))\\s*\\)\\s*\\)\\s*then\\s*insert\\(\\s*Concept\\.of\\(\\s*\"([a-z0-9_]+)\"");

    /** A definition that applies only under an age: {@code Patient( age < 16 )}. */
    private static final Pattern AGE_GUARD = Pattern.compile("Patient\\(\\s*age < (\\d+)\\s*\\)");

    /** The concepts defined only under an age, with that age. */
    private static final Map<String, Integer> AGE_LIMITS = new java.util.HashMap<>();

    /** Each concept of concepts.drl and its members, in the order of the file. */
    static final Map<String, List<Finding>> CONCEPTS = concepts();

    private static PropertyEngines engines;

    @BeforeContainer
    static void buildEngines() {
        engines = new PropertyEngines();
    }

    @AfterContainer
    static void closeEngines() {
        engines.close();
    }

    /** A concept, two different members of it, and a case. */
    record Swap(String concept, Finding from, Finding to, TriageCase base) {
    }

    @Provide
    Arbitrary<Swap> swaps() {
        Arbitrary<String> concept = Arbitraries.of(List.copyOf(CONCEPTS.keySet()).stream()
                .filter(c -> CONCEPTS.get(c).size() > 1).toList());
        return concept.flatMap(c -> {
            List<Finding> members = CONCEPTS.get(c);
            return Combinators.combine(Arbitraries.of(members), Arbitraries.of(members), GeneratedCases.cases())
                    .filter((a, b, x) -> a != b)
                    .as((a, b, x) -> new Swap(c, a, b, x));
        });
    }

    @Property(tries = 1500) // four assessments a try: 1,500 tries take about a minute
    void replacingAMemberOfAConceptByAnotherNeverLowersTheDisposition(@ForAll("swaps") Swap swap) {
        Finding a = swap.from();
        Finding b = swap.to();
        if (!concepts(b).containsAll(concepts(a))) {
            return; // A means more than B: the concepts A also belongs to may rightly ask for more
        }
        TriageCase withA = GeneratedCases.with(swap.base(), a, true);
        TriageCase before = Boolean.TRUE.equals(withA.findings().get(b)) ? GeneratedCases.with(withA, b, false) : withA;
        TriageCase after = GeneratedCases.with(GeneratedCases.with(before, a, false), b, true);
        Integer under = AGE_LIMITS.get(swap.concept());
        if (under != null && before.age() >= under) {
            return; // a concept of children, not defined at this age
        }
        if (alone(before, a).isMoreUrgentThan(alone(before, b))) {
            return; // A on its own asks for more than B on its own: a meaning of A's own, not the concept's
        }
        Disposition was = disposition(before);
        Disposition is = disposition(after);
        assertFalse(was.isMoreUrgentThan(is), () -> "concept " + swap.concept() + ": replacing " + a.code() + " by "
                + b.code() + " lowered the disposition from " + was + " to " + is + "\nbefore:\n" + caseFile(before)
                + "\nafter:\n" + caseFile(after));
    }

    @Test
    void everyConcept_isReadFromItsDefinitionWithAtLeastOneMember() {
        assertTrue(CONCEPTS.size() >= 8, "concepts.drl defines " + CONCEPTS.keySet());
        CONCEPTS.forEach((name, members) -> assertFalse(members.isEmpty(), name + " has no member"));
    }

    private static Disposition disposition(TriageCase c) {
        return engines.assess(c, BilateralLegSymptomsPolicy.DEFAULT).disposition();
    }

    /** The disposition of the member on its own: every other "yes" turned to "no", except follow-ups and free cues. */
    private static Disposition alone(TriageCase c, Finding member) {
        TriageCase.Builder builder = c.toBuilder();
        c.findings().forEach((f, present) -> {
            if (present && f != member && f.role() != Finding.Role.FOLLOW_UP
                    && !(f.role() == Finding.Role.CUE && concepts(f).isEmpty())) {
                builder.answer(f, false);
            }
        });
        return disposition(builder.answer(member, true).build());
    }

    /** The concepts a finding is a member of. */
    static Set<String> concepts(Finding finding) {
        Set<String> of = new java.util.TreeSet<>();
        CONCEPTS.forEach((name, members) -> {
            if (members.contains(finding)) {
                of.add(name);
            }
        });
        return of;
    }

    private static Map<String, List<Finding>> concepts() {
        String drl;
        try {
            drl = Files.readString(RuleCaseFiles.RULES.resolve("concepts.drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Finding>> concepts = new LinkedHashMap<>();
        Matcher m = DEFINITION.matcher(drl);
        while (m.find()) {
            Matcher guard = AGE_GUARD.matcher(drl.substring(drl.lastIndexOf("rule \"", m.start()), m.start()));
            if (guard.find()) {
                AGE_LIMITS.put(m.group(3), Integer.valueOf(guard.group(1)));
            }
            List<Finding> members = new ArrayList<>();
            Arrays.stream((m.group(1) != null ? m.group(1) : m.group(2)).split(",")).map(s -> s.trim().replace("\"", ""))
                    .forEach(code -> members.add(Finding.fromCode(code)));
            concepts.put(m.group(3), List.copyOf(members));
        }
        return concepts;
    }

}
