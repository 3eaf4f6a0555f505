package health.triage.service;

import health.triage.Assessment;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.QuestionWording;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SelfCareStep;
import health.triage.fhir.AssessmentResources;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.TriageQuestionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An {@link Assessment} as a CDS Hooks 2.0 card for the clinician who opens the patient's record: the one place
 * where an assessment becomes a card.
 *
 * <ul>
 *   <li>{@code summary}: the disposition, the main red flag with the findings that raised it (or the likely source)
 *       and whom to refer to, in clinical words, at most 140 characters;</li>
 *   <li>{@code indicator}: {@code critical} for EMERGENCY, {@code warning} for URGENT, {@code info} otherwise;</li>
 *   <li>{@code detail}: compact GitHub-flavoured Markdown: when the answers were given, the red flags with their
 *       evidence in the vocabulary's clinician wording, the likely source, screening questions not yet asked, the
 *       referrals, the self-care plan's steps and each rule that fired once (id and sentence); no finding codes and
 *       no file names;</li>
 *   <li>{@code source}: the rule base and its version, with the disposition as topic;</li>
 *   <li>{@code suggestions}: one per distinct referral destination, creating one proposed, coded ServiceRequest;</li>
 *   <li>{@code links}: the questionnaire, when screening questions are unanswered.</li>
 * </ul>
 *
 * <p>Answers older than the service's limit, or a questionnaire that is not finished or could not be fetched, get a
 * warning card saying that triage did not run and why, never a triage card. Card and suggestion ids are derived
 * from the hook instance, so the same call gives the same cards.
 */
final class CdsCards {

    static final int MAX_SUMMARY = 140;

    private CdsCards() {
    }

    /**
     * The response body {@code {"cards": [...]}} for an assessment of the patient.
     *
     * @param authored when the answers were given, or {@code null} when the response does not say
     */
    static ObjectNode response(Assessment a, String patientId, String hookInstance, String baseUrl, Date authored) {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        response.putArray("cards").add(card(a, patientId, hookInstance, baseUrl, authored));
        return response;
    }

    /** The response body when there is nothing to say: no triage on record. */
    static ObjectNode none() {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        response.putArray("cards");
        return response;
    }

    /**
     * The response body when triage could not run: one warning card saying why, and what to do.
     *
     * @param why    the reason, a clause such as "the questionnaire is not finished (status in-progress)"
     * @param action what the clinician can do about it
     */
    static ObjectNode couldNotRun(String why, String action, String hookInstance, String ruleBaseVersion) {
        ObjectNode card = JsonBodies.MAPPER.createObjectNode();
        card.put("uuid", uuid(hookInstance, "card"));
        card.put("summary", fit("Triage could not run: " + why));
        card.put("indicator", "warning");
        card.put("detail", "**Triage could not run**: " + escape(why) + ".\n\n" + escape(action)
                + "\n\nNo urgency, red flag or referral has been worked out: this is not a normal result.");
        card.putObject("source").put("label", label(ruleBaseVersion));
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        response.putArray("cards").add(card);
        return response;
    }

    static ObjectNode card(Assessment a, String patientId, String hookInstance, String baseUrl, Date authored) {
        ObjectNode card = JsonBodies.MAPPER.createObjectNode();
        card.put("uuid", uuid(hookInstance, "card"));
        card.put("summary", summary(a));
        card.put("indicator", indicator(a.disposition()));
        card.put("detail", detail(a, authored));
        ObjectNode source = card.putObject("source");
        source.put("label", label(a.ruleBaseVersion()));
        ObjectNode topic = source.putObject("topic");
        topic.put("system", AssessmentResources.DISPOSITION_SYSTEM);
        topic.put("code", a.disposition().code());
        topic.put("display", a.disposition().code());
        List<Referral> referrals = distinct(a.referrals());
        if (!referrals.isEmpty()) {
            ArrayNode suggestions = card.putArray("suggestions");
            for (int i = 0; i < referrals.size(); i++) {
                suggestions.add(suggestion(referrals.get(i), a.disposition(), patientId,
                        uuid(hookInstance, "suggestion-" + i), i == 0));
            }
            card.put("selectionBehavior", "any");
        }
        if (!a.unanswered().isEmpty() && baseUrl != null) {
            ObjectNode link = card.putArray("links").addObject();
            link.put("label", "The triage questionnaire (FHIR), to finish the screening questions");
            link.put("url", baseUrl + "/fhir/Questionnaire/" + TriageQuestionnaire.ID);
            link.put("type", "absolute");
        }
        return card;
    }

    /**
     * The disposition, the main red flag and the findings that raised it (or else the likely source and how many
     * screening questions are unanswered), and whom to refer to, in one sentence of at most {@value #MAX_SUMMARY} characters: the evidence, then the referral, are
     * left out before anything is cut.
     */
    static String summary(Assessment a) {
        String head = a.disposition().code().replace('_', ' ');
        Optional<RedFlag> main = flags(a).stream().findFirst();
        String unanswered = a.unanswered().isEmpty() ? "" : a.unanswered().size() == 1
                ? ", 1 screening question unanswered" : ", " + a.unanswered().size() + " screening questions unanswered";
        String reason = main.map(flag -> "red flag " + words(flag.code()))
                .orElse(sourceWords(a.likelySource()) + unanswered);
        String evidence = main.filter(flag -> !flag.evidence().isEmpty())
                .map(flag -> " (" + flag.evidence().stream().map(CdsCards::words)
                        .collect(Collectors.joining(", ")) + ")").orElse("");
        String action = a.referrals().isEmpty() ? ""
                : a.disposition() == Disposition.SELF_CARE ? "; " + a.referrals().get(0).whom()
                : "; refer to " + a.referrals().get(0).whom() + when(a);
        for (String summary : List.of(head + ", " + reason + evidence + action, head + ", " + reason + action,
                head + ", " + reason + evidence, head + ", " + reason)) {
            if (summary.length() <= MAX_SUMMARY) {
                return summary;
            }
        }
        return fit(head + ", " + reason);
    }

    static String indicator(Disposition disposition) {
        return switch (disposition) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            case ROUTINE, SELF_CARE -> "info";
        };
    }

    private static String when(Assessment a) {
        return switch (a.disposition()) {
            case EMERGENCY -> " now";
            case URGENT -> " today";
            case ROUTINE, SELF_CARE -> " within 2 weeks";
        };
    }

    private static String label(String ruleBaseVersion) {
        return "Buttock, hip and leg pain triage, rule base " + ruleBaseVersion;
    }

    /** The referrals with one per destination, in order; the reasons of a destination given twice are joined. */
    static List<Referral> distinct(List<Referral> referrals) {
        Map<String, List<String>> byWhom = new LinkedHashMap<>();
        referrals.forEach(r -> byWhom.computeIfAbsent(r.whom(), whom -> new ArrayList<>()).add(r.why()));
        return byWhom.entrySet().stream()
                .map(e -> new Referral(e.getKey(), String.join(" ", e.getValue().stream().distinct().toList())))
                .toList();
    }

    private static ObjectNode suggestion(Referral referral, Disposition disposition, String patientId, String uuid,
                                         boolean recommended) {
        ObjectNode suggestion = JsonBodies.MAPPER.createObjectNode();
        suggestion.put("label", "Refer to " + referral.whom());
        suggestion.put("uuid", uuid);
        suggestion.put("isRecommended", recommended);
        ObjectNode action = suggestion.putArray("actions").addObject();
        action.put("type", "create");
        action.put("description", "Propose a referral to " + referral.whom() + ", priority "
                + AssessmentResources.priority(disposition));
        action.set("resource", fhir(AssessmentResources.referral(referral, disposition,
                new Reference("Patient/" + patientId))));
        return suggestion;
    }

    private static JsonNode fhir(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        try {
            return JsonBodies.MAPPER.readTree(FhirFormat.write(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // HAPI's own JSON: cannot happen
        }
    }

    static String detail(Assessment a, Date authored) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(a.disposition().code().replace('_', ' ')).append("**. Answers given ")
                .append(authored == null ? "on a date the questionnaire response does not record"
                        : "on " + day(authored))
                .append(".\n\n");
        if (!a.redFlags().isEmpty()) {
            md.append("**Red flags**\n\n");
            for (RedFlag flag : flags(a)) {
                md.append("- ").append(capitalised(words(flag.code()))).append(" (")
                        .append(flag.level().code().replace('_', ' ').toLowerCase(Locale.ROOT)).append(')');
                if (!flag.evidence().isEmpty()) {
                    md.append(": ").append(flag.evidence().stream().map(CdsCards::clinician)
                            .collect(Collectors.joining("; ")));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("**Likely source**: ").append(sourceWords(a.likelySource()));
        if (!a.cuesFor().isEmpty()) {
            md.append(". For: ").append(a.cuesFor().stream().map(Cue::finding).map(Finding::code).distinct()
                    .map(CdsCards::clinician).collect(Collectors.joining("; ")));
        }
        if (!a.cuesAgainst().isEmpty()) {
            md.append(". Against: ").append(a.cuesAgainst().stream().map(Cue::finding).map(Finding::code).distinct()
                    .map(CdsCards::clinician).collect(Collectors.joining("; ")));
        }
        md.append(".\n\n");
        if (!a.unanswered().isEmpty() && a.disposition() != Disposition.EMERGENCY) {
            md.append("**Screening questions not answered** (they keep the result above self-care): ")
                    .append(a.unanswered().stream().map(Finding::code).map(CdsCards::clinician)
                            .collect(Collectors.joining("; "))).append(".\n\n");
        }
        List<Referral> referrals = distinct(a.referrals());
        if (!referrals.isEmpty()) {
            md.append("**Referral**: ").append(referrals.stream().map(r -> escape(r.whom()))
                    .collect(Collectors.joining("; "))).append(".\n\n");
        }
        if (!a.selfCare().isEmpty()) {
            md.append("**Self-care plan**: ").append(a.selfCare().stream().map(SelfCareStep::title)
                    .map(CdsCards::escape).collect(Collectors.joining("; "))).append(".\n\n");
        }
        md.append("**Rules that fired**\n\n");
        Set<String> seen = new HashSet<>();
        for (Reason reason : a.reasons()) {
            if (seen.add(reason.ruleId())) {
                md.append("- ").append(escape(reason.ruleId())).append(": ").append(escape(reason.rule()))
                        .append('\n');
            }
        }
        md.append("\nRule base ").append(escape(a.ruleBaseVersion()))
                .append(". Decision support, not a diagnosis: a clinician remains responsible for every decision.");
        return md.toString();
    }

    /**
     * The red flags, most urgent first, with one entry per flag and level: several rules can raise the same flag,
     * and its evidence is every finding any of them saw.
     */
    static List<RedFlag> flags(Assessment a) {
        Map<String, RedFlag> merged = new LinkedHashMap<>();
        for (RedFlag flag : a.redFlags()) {
            merged.merge(flag.code() + "/" + flag.level(), flag, (one, other) -> new RedFlag(one.code(), one.level(),
                    one.text(), java.util.stream.Stream.concat(one.evidence().stream(), other.evidence().stream())
                    .distinct().toList()));
        }
        return List.copyOf(merged.values());
    }

    /** A finding in the vocabulary's clinician wording (without the question mark); other codes as words. */
    private static String clinician(String code) {
        return escape(Finding.lookup(code).map(f -> QuestionWording.of(f).clinician().replaceAll("\\?$", ""))
                .orElse(words(code)));
    }

    /** A code as words: {@code cauda_equina} is "cauda equina". */
    private static String words(String code) {
        return code.replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String sourceWords(LikelySource source) {
        return switch (source) {
            case PIRIFORMIS -> "likely piriformis or deep gluteal (trigger point) pain";
            case SPINAL -> "likely spinal nerve root (radicular) pain";
            case NON_SPECIFIC_LOW_BACK -> "likely non-specific low back pain (NICE NG59), with or without referred pain";
            case UNCLEAR -> "source of the pain unclear";
        };
    }

    /** The day of an instant, as the EHR's calendar date in UTC (yyyy-mm-dd). */
    static String day(Date date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(date.toInstant());
    }

    private static String fit(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
    }

    /** Text with the characters Markdown would read as markup written as themselves. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }

    private static String uuid(String hookInstance, String what) {
        return UUID.nameUUIDFromBytes((hookInstance + "/" + what).getBytes(StandardCharsets.UTF_8)).toString()
                .toLowerCase(Locale.ROOT);
    }
}
