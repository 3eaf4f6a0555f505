package health.triage.examples;

import health.triage.Finding;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health data never reaches the logs above DEBUG. Runs a batch (every example case, a case with distinctive
 * content, a rejected case) with every logger at TRACE and every event captured, and fails if any event at INFO or
 * above carries a finding code, a case id, a text of a case or the evidence of a reason.
 */
class LogPrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void batchRun_logsNoCaseContentAtInfoOrAbove() throws IOException {
        Path probe = Files.writeString(dir.resolve("probe.json"), """
                [{"id": "privacy-probe-7f3a9c", "age": 67, "sex": "female", "durationDays": 9, "painScore": 7,
                  "findings": {"saddle_numbness": false, "fever": true, "night_sweats": true, "buttock_pain": true}},
                 {"id": "privacy-probe-rejected-b41d", "age": 30, "findings": {"secret_symptom_q8z": true}}]""");
        Set<String> forbidden = caseContent(List.of(Path.of("cases"), probe));
        forbidden.add("secret_symptom_q8z");
        for (Finding finding : Finding.values()) {
            forbidden.add(finding.code());
        }

        List<Cli.Result> runs = new ArrayList<>();
        List<ILoggingEvent> events = captureAllLogging(() -> {
            runs.add(Cli.run("assess", "--report", "cases", probe.toString()));
            runs.add(Cli.run("assess", "--json", "--bilateral-policy", "urgent", "cases", probe.toString()));
        });

        for (Cli.Result run : runs) { // the batch really ran: every example, the probe, and the rejected case
            assertEquals(TriageCommand.CASE_REJECTED, run.exit(), run::toString);
            assertTrue(run.out().contains("privacy-probe-7f3a9c") && run.out().contains("saddle-numbness"),
                    run::toString);
        }

        assertTrue(events.stream().anyMatch(e -> e.getLoggerName().startsWith("org.drools")),
                "nothing of Drools was captured, so the check proves nothing");
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent event : events) {
            if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
                continue;
            }
            String text = text(event);
            for (String secret : forbidden) {
                if (text.contains(secret)) {
                    leaks.add(event.getLevel() + " " + event.getLoggerName() + " logged '" + secret + "': " + text);
                }
            }
        }
        assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
    }

    @Test
    void captureAllLogging_seesEventsAtEveryLevel_soTheCheckCanFail() {
        org.slf4j.Logger logger = LoggerFactory.getLogger("health.triage.examples.LogPrivacyTest");

        List<ILoggingEvent> events = captureAllLogging(() -> {
            logger.trace("trace saddle_numbness");
            logger.info("info saddle_numbness");
        });

        assertEquals(List.of("trace saddle_numbness", "info saddle_numbness"), events.stream()
                .filter(e -> e.getLoggerName().equals(logger.getName())).map(ILoggingEvent::getFormattedMessage)
                .toList());
    }

    /** Runs {@code run} with every logger at TRACE, and returns every event logged; restores the levels after. */
    private static List<ILoggingEvent> captureAllLogging(Runnable run) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<Logger, Level> levels = new HashMap<>();
        context.getLoggerList().forEach(logger -> levels.put(logger, logger.getLevel()));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender); // everything at TRACE would flood the build's output
        root.addAppender(appender);
        try {
            context.getLoggerList().forEach(logger -> logger.setLevel(Level.TRACE));
            run.run();
        } finally {
            root.detachAppender(appender);
            appender.stop();
            console.forEach(root::addAppender);
            levels.forEach(Logger::setLevel);
            context.getLoggerList().stream().filter(l -> !levels.containsKey(l)).forEach(l -> l.setLevel(null));
        }
        return List.copyOf(appender.list);
    }

    /** An event as text: its message, its arguments and its exceptions with their stack traces. */
    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }

    /** Every id and text value of the case files (or folders of them). */
    private static Set<String> caseContent(List<Path> inputs) throws IOException {
        Set<String> content = new TreeSet<>();
        for (Path input : inputs) {
            List<Path> files;
            if (Files.isDirectory(input)) {
                try (Stream<Path> listing = Files.list(input)) {
                    files = listing.filter(p -> p.toString().endsWith(".json")).toList();
                }
            } else {
                files = List.of(input);
            }
            for (Path file : files) {
                collectTexts(JSON.readTree(file.toFile()), content);
            }
        }
        content.removeIf(text -> text.length() < 4 || List.of("female", "male", "other").contains(text));
        return content;
    }

    private static void collectTexts(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.add(field.getKey());
            collectTexts(field.getValue(), out);
        }
        node.elements().forEachRemaining(element -> collectTexts(element, out));
    }
}
