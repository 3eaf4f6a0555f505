package health.triage.bench;

import health.triage.Finding;
import health.triage.Sex;
import health.triage.TriageCase;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates random but valid cases from a seed, so every run sees the same ones. Warning-sign findings are rarely
 * present and sometimes not asked; the other findings are often present and often not asked.
 *
 * <p>As a program it writes generated cases to case files, one case per line, without holding them in memory.
 */
public final class CaseGenerator {

    private final SplittableRandom random;
    private long next;

    public CaseGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next case. */
    public TriageCase next() {
        int age = 5 + random.nextInt(91);
        Sex sex = random.nextInt(10) == 0 ? null : random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        Boolean pregnant = null;
        if (sex == Sex.FEMALE && age >= 16 && age <= 45 && random.nextInt(3) > 0) {
            pregnant = random.nextInt(8) == 0;
        }
        Integer days = random.nextInt(10) == 0 ? null : random.nextInt(400);
        Integer pain = random.nextInt(5) == 0 ? null : random.nextInt(11);
        TriageCase.Builder builder = TriageCase.builder(age).id("generated-" + next++).sex(sex).pregnant(pregnant)
                .durationDays(days).painScore(pain);
        boolean screenedClean = random.nextInt(3) == 0; // a third answer every warning-sign question "no"
        for (Finding finding : Finding.values()) {
            boolean warning = finding.group() == Finding.Group.CAUDA_EQUINA
                    || finding.group() == Finding.Group.SERIOUS_PATHOLOGY;
            int roll = random.nextInt(100);
            if (warning && screenedClean) {
                builder.answer(finding, false);
            } else if (warning) {
                if (roll < 4) {
                    builder.answer(finding, true);
                } else if (roll >= 96) {
                    builder.unknown(finding);
                } else {
                    builder.answer(finding, false);
                }
            } else if (roll < 30) {
                builder.answer(finding, true);
            } else if (roll < 80) {
                builder.answer(finding, false);
            } // else not asked
        }
        return builder.build();
    }

    /**
     * {@code CaseGenerator COUNT PATH [SEED] [PER_FILE]}: COUNT cases as one JSON array in the file PATH, or, with
     * PER_FILE, as files of PER_FILE cases each in the folder PATH (the command line reads case files of up to 4 MiB,
     * about 3,500 generated cases).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CaseGenerator COUNT PATH [SEED] [PER_FILE]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        CaseGenerator generator = new CaseGenerator(args.length > 2 ? Long.parseLong(args[2]) : 42L);
        Path path = Path.of(args[1]);
        if (args.length > 3) {
            int perFile = Integer.parseInt(args[3]);
            Files.createDirectories(path);
            for (int start = 0, file = 0; start < count; start += perFile, file++) {
                write(generator, Math.min(perFile, count - start), path.resolve(String.format("cases-%05d.json", file)));
            }
        } else {
            write(generator, count, path);
        }
    }

    private static void write(CaseGenerator generator, int count, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (JsonGenerator out = json.getFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
            out.writeStartArray();
            for (int i = 0; i < count; i++) {
                out.writeRaw('\n');
                out.writeObject(generator.next().toFields());
            }
            out.writeRaw('\n');
            out.writeEndArray();
            out.writeRaw('\n');
        }
    }
}
