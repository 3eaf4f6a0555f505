package health.triage.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.triage.RuleCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the per-rule cases kept beside the DRL files: every {@code *.cases.json} on top of {@code base-case.json}. */
final class RuleCaseFiles {

    /** The rule base's folder: DRL files and their cases side by side. */
    static final Path RULES = Path.of("src/main/resources/health/triage/rules");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleCaseFiles() {
    }

    static List<RuleCase> all() {
        try {
            Map<String, Object> base = JSON.readValue(RULES.resolve("base-case.json").toFile(), new TypeReference<>() { });
            List<RuleCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(RULES)) {
                for (Path path : files.filter(p -> p.toString().endsWith(".cases.json")).sorted().toList()) {
                    List<Map<String, Object>> rows = JSON.readValue(path.toFile(), new TypeReference<>() { });
                    for (Map<String, Object> row : rows) {
                        cases.add(RuleCase.fromFields(path.getFileName().toString(), base, row));
                    }
                }
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the per-rule cases in " + RULES, e);
        }
    }
}
