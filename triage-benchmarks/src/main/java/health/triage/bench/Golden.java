package health.triage.bench;

import health.triage.Assessment;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every field of the assessment of the mix and of COUNT generated cases to a file, one line per case (and the
 * next questions of the first 2,000 cases), so that
 * two versions of the engine can be compared exactly ({@code cmp} or {@code diff} the files); and says how often
 * the hand-coded baseline agrees with the engine on the generated cases.
 *
 * <p>{@code Golden FILE [COUNT] [SEED]}
 */
public final class Golden {

    /** How many of the cases also get their next questions written (each costs many assessments). */
    private static final int NEXT_QUESTIONS = 2_000;

    private Golden() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7L;
        List<TriageCase> cases = new ArrayList<>(List.of(Mix.cases()));
        CaseGenerator generator = new CaseGenerator(seed);
        for (int i = 0; i < count; i++) {
            cases.add(generator.next());
        }
        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        try (TriageEngine engine = TriageEngine.builder().build();
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < cases.size(); i++) {
                TriageCase c = cases.get(i);
                Assessment a = engine.assess(c);
                out.write(a.toString());
                out.newLine();
                if (i < NEXT_QUESTIONS) {
                    out.write(engine.nextQuestions(c).toString());
                    out.newLine();
                }
                HandCoded.Decision d = HandCoded.decide(c);
                if (d.disposition() == a.disposition() && d.likelySource() == a.likelySource()) {
                    agree++;
                } else if (disagreements.size() < 10) {
                    disagreements.add(c + " engine " + a.disposition() + "/" + a.likelySource() + " baseline " + d);
                }
            }
        }
        System.out.printf("%d assessments written to %s; hand-coded baseline agrees on %d of %d%n", cases.size(),
                file, agree, cases.size());
        disagreements.forEach(System.out::println);
    }
}
