package health.triage.bench;

import health.triage.Assessment;
import health.triage.TriageEngine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baseline must make the same decisions as the rule base on the benchmark mix, or the ratio means nothing. */
class HandCodedTest {

    private static TriageEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = TriageEngine.builder().build();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void decide_everyExampleOfTheMix_matchesTheHandWrittenExpectation() {
        List<String> wrong = new ArrayList<>();
        for (Mix.Example example : Mix.examples()) {
            HandCoded.Decision decision = HandCoded.decide(example.triageCase());
            if (decision.disposition() != example.disposition() || decision.likelySource() != example.likelySource()) {
                wrong.add(example.file() + ": baseline " + decision + ", expected " + example.disposition() + "/"
                        + example.likelySource());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void decide_everyExampleOfTheMix_matchesTheEngine() {
        for (Mix.Example example : Mix.examples()) {
            Assessment assessment = engine.assess(example.triageCase());
            HandCoded.Decision decision = HandCoded.decide(example.triageCase());
            assertEquals(assessment.disposition(), decision.disposition(), example.file() + " disposition");
            assertEquals(assessment.likelySource(), decision.likelySource(), example.file() + " likely source");
        }
    }

    @Test
    void mix_holdsEveryDisposition() {
        assertEquals(4, Mix.examples().stream().map(Mix.Example::disposition).distinct().count());
    }
}
