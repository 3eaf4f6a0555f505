package health.triage.examples;

import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Question;
import health.triage.QuestionWording;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.Screen;
import health.triage.SelfCareStep;
import health.triage.Stratification;
import health.triage.TriageCase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes results as JSON Lines: one object per case on one line. Findings appear by their codes
 * ({@code saddle_numbness}), dispositions and sources by their constant names ({@code SELF_CARE},
 * {@code PIRIFORMIS}).
 *
 * <p>An assessed case:
 * {@code {"input", "id", "disposition", "timeframe", "likelySource", "cuesFor", "cuesAgainst", "redFlags",
 * "unanswered", "alsoConsider", "referral", "selfCare", "safetyNet", "reasons", "bilateralLegSymptomsPolicy",
 * "ruleBaseVersion"}}, with {@code "complete"}, {@code "nextQuestions"} and (when not complete)
 * {@code "nextScreen"} ({@code {"kind", "text", "findings", "items": [{"code", "text"}]}}, each item in patient words,
 * with {@code "options": [{"label", "yes"}]} for a question asked on a scale)
 * before {@code "ruleBaseVersion"} when the next questions were worked out; a case that could not
 * be assessed: {@code {"input", "id", "error"}}.
 * {@code "stratification": {"tool", "risk", "total", "psychosocial"}} follows {@code "likelySource"} when the
 * STarT Back risk was scored; otherwise {@code "stratificationUnanswered"} lists its unanswered items when it matters.
 *
 * <p>Also writes a case as a case file, in the format {@code assess} reads.
 */
final class JsonResults {

    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory()
            .setCharacterEscapes(new UnsafeEscapes()));

    /**
     * Escapes, besides what JSON requires, every character {@link Printable} calls unsafe (DEL, C1 controls such as
     * U+009B, bidi overrides, U+2028 and U+2029), so that a line shown on a terminal or pasted into JavaScript cannot
     * act; and every surrogate, so that text survives a writer that cannot encode half of a pair.
     */
    private static final class UnsafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        UnsafeEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Printable.unsafe(ch) || Character.isSurrogate((char) ch)
                    ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    private JsonResults() {
    }

    /** One line (without its line break) for an assessed case read from {@code input}. */
    static String line(String input, Assessment a) {
        Map<String, Object> out = fields(input, a);
        out.put("ruleBaseVersion", a.ruleBaseVersion());
        return write(out);
    }

    /**
     * One line for an assessed case with its next questions: {@code complete}, {@code nextQuestions} as
     * {@code [{code, text, why, priority}]}, most pressing first, and (only when not complete) {@code nextScreen} as
     * {@code {kind, text, findings}}: {@code single} or {@code any_of}, what the screen asks, and the finding codes
     * it lists.
     */
    static String line(String input, NextQuestions next) {
        Assessment a = next.assessment();
        Map<String, Object> out = fields(input, a);
        out.put("complete", next.complete());
        out.put("nextQuestions", each(next.questions(), JsonResults::question));
        next.nextScreen().ifPresent(screen -> out.put("nextScreen", screen(screen)));
        out.put("ruleBaseVersion", a.ruleBaseVersion());
        return write(out);
    }

    /** A case as a case file: pretty-printed JSON of {@link TriageCase#toFields()}, ending with a line break. */
    static String caseFile(TriageCase triageCase) {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return JSON.writer(pretty).writeValueAsString(triageCase.toFields()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a case as JSON", e); // plain maps and strings: cannot happen
        }
    }

    private static Map<String, Object> fields(String input, Assessment a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", input);
        out.put("id", a.caseId());
        out.put("disposition", a.disposition().code());
        out.put("timeframe", a.timeframe());
        out.put("likelySource", a.likelySource().name());
        a.stratification().ifPresent(s -> out.put("stratification", stratification(s)));
        if (!a.stratificationUnanswered().isEmpty()) {
            out.put("stratificationUnanswered", each(a.stratificationUnanswered(), Finding::code));
        }
        out.put("cuesFor", each(a.cuesFor(), JsonResults::cue));
        out.put("cuesAgainst", each(a.cuesAgainst(), JsonResults::cue));
        out.put("redFlags", each(a.redFlags(), JsonResults::redFlag));
        out.put("unanswered", each(a.unanswered(), Finding::code));
        out.put("alsoConsider", each(a.alsoConsider(), JsonResults::alsoConsider));
        out.put("referral", each(a.referrals(), JsonResults::referral));
        out.put("selfCare", each(a.selfCare(), JsonResults::selfCare));
        out.put("safetyNet", each(a.safetyNet(), JsonResults::safetyNet));
        out.put("reasons", each(a.reasons(), JsonResults::reason));
        out.put("bilateralLegSymptomsPolicy", a.bilateralLegSymptomsPolicy().name());
        return out;
    }

    /** One line for a case that could not be assessed. */
    static String error(String input, String id, String error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", input);
        out.put("id", id);
        out.put("error", error);
        return write(out);
    }

    private static Map<String, Object> cue(Cue cue) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("finding", cue.finding().code());
        out.put("pointsTo", cue.pointsTo().name());
        out.put("weight", cue.weight());
        out.put("text", cue.text());
        return out;
    }

    private static Map<String, Object> redFlag(RedFlag flag) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", flag.code());
        out.put("level", flag.level().code());
        out.put("text", flag.text());
        out.put("evidence", flag.evidence());
        return out;
    }

    private static Map<String, Object> alsoConsider(AlsoConsider also) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("condition", also.condition());
        out.put("why", also.why());
        return out;
    }

    private static Map<String, Object> referral(Referral referral) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("whom", referral.whom());
        out.put("why", referral.why());
        return out;
    }

    private static Map<String, Object> stratification(Stratification s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tool", s.tool());
        out.put("risk", s.risk().name());
        out.put("total", s.total());
        out.put("psychosocial", s.psychosocial());
        return out;
    }

    private static Map<String, Object> selfCare(SelfCareStep step) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", step.title());
        out.put("howTo", step.howTo());
        out.put("precaution", step.precaution());
        return out;
    }

    private static Map<String, Object> safetyNet(SafetyNet net) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seekCare", net.seekCare().code());
        out.put("text", net.text());
        return out;
    }

    private static Map<String, Object> question(Question question) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", question.code());
        out.put("text", question.patientText());
        out.put("why", question.why());
        out.put("priority", question.priority().name());
        return out;
    }

    private static Map<String, Object> screen(Screen screen) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", screen.kind().code());
        out.put("text", screen.text());
        out.put("findings", each(screen.findings(), Finding::code));
        out.put("items", each(screen.questions(), JsonResults::item));
        return out;
    }

    private static Map<String, Object> option(QuestionWording.Option option) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", option.label());
        out.put("yes", option.yes());
        return out;
    }

    /** One item of a screen: its finding's code and the patient words a screen shows for it. */
    private static Map<String, Object> item(Question question) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", question.code());
        out.put("text", question.itemText());
        if (!question.options().isEmpty()) { // asked on a scale (STarT Back item 9): each option and whether it is a yes
            out.put("options", each(question.options(), JsonResults::option));
        }
        return out;
    }

    private static Map<String, Object> reason(Reason reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleId", reason.ruleId());
        out.put("rule", reason.rule());
        out.put("source", reason.source());
        out.put("findings", reason.findings());
        Disposition raises = reason.raises();
        out.put("raises", raises == null ? null : raises.code());
        return out;
    }

    private static <T, R> List<R> each(List<T> items, Function<T, R> convert) {
        return items.stream().map(convert).toList();
    }

    private static String write(Map<String, Object> out) {
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a result as JSON", e); // plain maps and strings: cannot happen
        }
    }
}
