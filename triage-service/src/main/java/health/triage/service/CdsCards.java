package health.triage.service;

import health.triage.Assessment;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An {@link Assessment} as a CDS Hooks 2.0 card: the one place where an assessment becomes a card.
 *
 * <ul>
 *   <li>{@code summary}: the disposition and its timeframe, at most 140 characters;</li>
 *   <li>{@code indicator}: {@code critical} for EMERGENCY, {@code warning} for URGENT, {@code info} otherwise;</li>
 *   <li>{@code detail}: GitHub-flavoured Markdown with the red flags and their evidence, the likely source and its
 *       cues, unanswered screening questions, referral, self-care, safety-netting and every reason (rule id,
 *       sentence, source);</li>
 *   <li>{@code source}: the rule base and its version, with the disposition as topic;</li>
 *   <li>{@code suggestions}: one per referral, creating a proposed ServiceRequest for the patient;</li>
 *   <li>{@code links}: the questionnaire, when screening questions are unanswered.</li>
 * </ul>
 *
 * <p>Card and suggestion ids are derived from the hook instance, so the same call gives the same cards.
 */
final class CdsCards {

    static final int MAX_SUMMARY = 140;

    private CdsCards() {
    }

    /** The response body {@code {"cards": [...]}} for an assessment of the patient. */
    static ObjectNode response(Assessment a, String patientId, String hookInstance, String baseUrl) {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        response.putArray("cards").add(card(a, patientId, hookInstance, baseUrl));
        return response;
    }

    /** The response body when there is nothing to say: no triage on record. */
    static ObjectNode none() {
        ObjectNode response = JsonBodies.MAPPER.createObjectNode();
        response.putArray("cards");
        return response;
    }

    static ObjectNode card(Assessment a, String patientId, String hookInstance, String baseUrl) {
        ObjectNode card = JsonBodies.MAPPER.createObjectNode();
        card.put("uuid", uuid(hookInstance, "card"));
        card.put("summary", summary(a));
        card.put("indicator", indicator(a.disposition()));
        card.put("detail", detail(a));
        ObjectNode source = card.putObject("source");
        source.put("label", "Buttock, hip and leg pain triage, rule base " + a.ruleBaseVersion());
        ObjectNode topic = source.putObject("topic");
        topic.put("system", AssessmentResources.DISPOSITION_SYSTEM);
        topic.put("code", a.disposition().code());
        topic.put("display", a.disposition().code());
        if (!a.referrals().isEmpty()) {
            ArrayNode suggestions = card.putArray("suggestions");
            for (int i = 0; i < a.referrals().size(); i++) {
                suggestions.add(suggestion(a.referrals().get(i), a.disposition(), patientId,
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

    /** The disposition and its timeframe in one sentence of at most {@value #MAX_SUMMARY} characters. */
    static String summary(Assessment a) {
        String summary = "Triage " + a.disposition().code().replace('_', ' ') + ": " + a.timeframe();
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }

    static String indicator(Disposition disposition) {
        return switch (disposition) {
            case EMERGENCY -> "critical";
            case URGENT -> "warning";
            case ROUTINE, SELF_CARE -> "info";
        };
    }

    private static ObjectNode suggestion(Referral referral, Disposition disposition, String patientId, String uuid,
                                         boolean recommended) {
        ObjectNode suggestion = JsonBodies.MAPPER.createObjectNode();
        suggestion.put("label", "Refer to " + referral.whom());
        suggestion.put("uuid", uuid);
        suggestion.put("isRecommended", recommended);
        ObjectNode action = suggestion.putArray("actions").addObject();
        action.put("type", "create");
        action.put("description", referral.why());
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

    static String detail(Assessment a) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(a.disposition().code()).append("**: ").append(escape(a.timeframe())).append("\n\n");
        if (!a.redFlags().isEmpty()) {
            md.append("**Red flags**\n\n");
            for (RedFlag flag : a.redFlags()) {
                md.append("- ").append(flag.level().code()).append(": ").append(escape(flag.text()));
                if (!flag.evidence().isEmpty()) {
                    md.append(" (because: ").append(codes(flag.evidence())).append(')');
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("**Likely source**: ").append(a.likelySource().name());
        if (!a.cuesFor().isEmpty()) {
            md.append(" (for: ").append(codes(a.cuesFor().stream().map(Cue::finding).map(Finding::code).toList()))
                    .append(')');
        }
        if (!a.cuesAgainst().isEmpty()) {
            md.append(" (against: ").append(codes(a.cuesAgainst().stream().map(Cue::finding).map(Finding::code)
                    .toList())).append(')');
        }
        md.append("\n\n");
        if (!a.unanswered().isEmpty()) {
            md.append("**Screening questions not answered**: ")
                    .append(codes(a.unanswered().stream().map(Finding::code).toList())).append("\n\n");
        }
        if (!a.referrals().isEmpty()) {
            md.append("**Referral**\n\n");
            for (Referral referral : a.referrals()) {
                md.append("- ").append(escape(referral.whom())).append(": ").append(escape(referral.why()))
                        .append('\n');
            }
            md.append('\n');
        }
        if (!a.selfCare().isEmpty()) {
            md.append("**Self-care**\n\n");
            for (SelfCareStep step : a.selfCare()) {
                md.append("1. ").append(escape(step.title())).append(": ").append(escape(step.howTo()))
                        .append(" *Precaution:* ").append(escape(step.precaution())).append('\n');
            }
            md.append('\n');
        }
        if (!a.safetyNet().isEmpty()) {
            md.append("**Seek care if**\n\n");
            for (SafetyNet advice : a.safetyNet()) {
                md.append("- ").append(advice.seekCare().code()).append(": ").append(escape(advice.text()))
                        .append('\n');
            }
            md.append('\n');
        }
        md.append("**Reasons**\n\n| rule | why | source |\n|---|---|---|\n");
        for (Reason reason : a.reasons()) {
            md.append("| ").append(escape(reason.ruleId())).append(" | ").append(escape(reason.rule())).append(" | ")
                    .append(escape(reason.source())).append(" |\n");
        }
        md.append("\nRule base ").append(escape(a.ruleBaseVersion()))
                .append(". Decision support, not a diagnosis: a clinician remains responsible for every decision.");
        return md.toString();
    }

    private static String codes(List<String> codes) {
        return codes.stream().map(code -> "`" + code + "`").collect(Collectors.joining(", "));
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
