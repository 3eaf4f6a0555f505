package health.triage.examples;

import health.triage.Finding;
import health.triage.QuestionWording;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person taking the interview: reads the screen, recognises which finding a single question asks about by its
 * wording (from the library's questions.properties) and each item of a list by its definition (docs/VOCABULARY.md),
 * and types y, n or d to a question, or to a list the numbers that apply, {@code d N} for what they do not know, or 0.
 * Keeps the findings it was shown, in order, and the number of screens.
 */
final class InterviewPerson implements Function<String, String> {

    private static final Map<String, Finding> BY_WORDING = wording();
    private static final Map<String, Finding> BY_ITEM = Arrays.stream(Finding.values())
            .collect(Collectors.toMap(f -> QuestionWording.of(f).item(), Function.identity()));

    private final int age;
    private final String sex;
    private final String days;
    private final Set<Finding> present;
    private final Set<Finding> dontKnow;
    private final String examined;
    private final String painScore;
    private final List<Finding> asked = new ArrayList<>();
    private int screens;

    /** A person nobody examined ("n" to the examination question) with pain 4 out of 10. */
    InterviewPerson(int age, String sex, String days, Set<Finding> present, Set<Finding> dontKnow) {
        this(age, sex, days, present, dontKnow, "n", "4");
    }

    /**
     * @param examined  the answer to "Has a clinician examined you for this pain?": y, n or d
     * @param painScore the answer to the pain score: 0 to 10, or d
     */
    InterviewPerson(int age, String sex, String days, Set<Finding> present, Set<Finding> dontKnow, String examined,
                    String painScore) {
        this.examined = examined;
        this.painScore = painScore;
        this.age = age;
        this.sex = sex;
        this.days = days;
        this.present = present.isEmpty() ? EnumSet.noneOf(Finding.class) : EnumSet.copyOf(present);
        this.dontKnow = dontKnow.isEmpty() ? EnumSet.noneOf(Finding.class) : EnumSet.copyOf(dontKnow);
    }

    /** The findings the interview asked, in order (a question asked again appears again). */
    List<Finding> asked() {
        return List.copyOf(asked);
    }

    /** How many screens the interview showed. */
    int screens() {
        return screens;
    }

    @Override
    public String apply(String screen) {
        String prompt = lastPrompt(screen);
        if (prompt.startsWith("How old are you")) {
            return Integer.toString(age);
        }
        if (prompt.startsWith("What is your sex")) {
            return sex;
        }
        if (prompt.startsWith("Are you pregnant")) {
            return "n";
        }
        if (prompt.startsWith("For how many days")) {
            return days;
        }
        if (prompt.startsWith("Has a clinician")) {
            return examined;
        }
        if (prompt.matches("Screen \\d+\\. How bad is the pain.*")) {
            screens++;
            return painScore;
        }
        if (prompt.startsWith("Screen ")) {
            screens++;
            String wording = prompt.substring(prompt.indexOf(". ") + 2, prompt.lastIndexOf(" ["));
            Finding finding = BY_WORDING.get(wording);
            if (finding == null) {
                throw new AssertionError("the person does not understand the question '" + wording + "'");
            }
            asked.add(finding);
            return dontKnow.contains(finding) ? "d" : present.contains(finding) ? "y" : "n";
        }
        if (prompt.startsWith("Type the number of your answer")) {
            screens++;
            List<String> lines = screen.lines().toList();
            int heading = lines.size() - 1;
            while (heading > 0 && !lines.get(heading).startsWith("Screen ")) {
                heading--;
            }
            StringBuilder question = new StringBuilder(lines.get(heading));
            for (String line : lines.subList(heading + 1, lines.size())) {
                if (line.matches("  \\d+\\. .*")) {
                    break;
                }
                question.append(' ').append(line.strip());
            }
            String wording = question.substring(question.indexOf(". ") + 2);
            Finding finding = BY_WORDING.get(wording);
            if (finding == null) {
                throw new AssertionError("the person does not understand the question '" + wording + "'");
            }
            asked.add(finding);
            List<QuestionWording.Option> options = QuestionWording.of(finding).options();
            if (dontKnow.contains(finding)) {
                return "d";
            }
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).yes() == present.contains(finding)) {
                    return Integer.toString(i + 1);
                }
            }
            throw new AssertionError("no option of '" + wording + "' answers " + present.contains(finding));
        }
        if (prompt.startsWith("Type the numbers that apply")) {
            screens++;
            List<String> answer = new ArrayList<>();
            List<Finding> items = items(screen);
            for (int i = 0; i < items.size(); i++) {
                asked.add(items.get(i));
                if (dontKnow.contains(items.get(i))) {
                    answer.add("d " + (i + 1));
                } else if (present.contains(items.get(i))) {
                    answer.add(Integer.toString(i + 1));
                }
            }
            if (answer.stream().noneMatch(a -> !a.startsWith("d"))) {
                answer.add(0, "0");
            }
            return String.join(" ", answer);
        }
        throw new AssertionError("the person does not know what to type after:\n" + screen);
    }

    /** The items of the last list on the screen: "  N. item text", wrapped lines indented below it. */
    static List<Finding> items(String screen) {
        List<String> lines = screen.lines().toList();
        int heading = lines.size() - 1;
        while (heading > 0 && !lines.get(heading).startsWith("Screen ")) {
            heading--;
        }
        List<String> texts = new ArrayList<>();
        for (String line : lines.subList(heading, lines.size())) {
            if (line.matches("  \\d+\\. .*")) {
                texts.add(line.substring(line.indexOf(". ") + 2));
            } else if (line.startsWith("     ") && !texts.isEmpty()) {
                texts.set(texts.size() - 1, texts.get(texts.size() - 1) + " " + line.strip());
            }
        }
        List<Finding> items = new ArrayList<>();
        for (String text : texts) {
            Finding finding = BY_ITEM.get(text);
            if (finding == null) {
                throw new AssertionError("the person does not understand the item '" + text + "'");
            }
            items.add(finding);
        }
        return items;
    }

    /** The prompt just printed before "> ", its wrapped lines joined. */
    static String lastPrompt(String screen) {
        if (!screen.endsWith("> ")) {
            throw new AssertionError("the interview reads input without a prompt:\n" + screen);
        }
        List<String> lines = screen.substring(0, screen.length() - 2).lines().toList();
        int first = lines.size() - 1;
        while (first > 0 && lines.get(first).startsWith("  ")) {
            first--;
        }
        StringBuilder prompt = new StringBuilder();
        for (String line : lines.subList(first, lines.size())) {
            prompt.append(prompt.length() == 0 ? "" : " ").append(line.strip());
        }
        return prompt.toString();
    }

    private static Map<String, Finding> wording() {
        Properties properties = new Properties();
        try (InputStream in = Finding.class.getResourceAsStream("questions.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Finding> byWording = new HashMap<>();
        for (Finding finding : Finding.values()) {
            byWording.put(properties.getProperty(finding.code() + ".patient"), finding);
        }
        return byWording;
    }
}
