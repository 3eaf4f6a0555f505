package health.triage.service;

import health.triage.examples.CaseJson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON request bodies of the CDS Hooks and FHIR endpoints, read with limits: at most {@value Settings#MAX_JSON_DEPTH}
 * levels of nesting, one JSON value per body, strictly encoded UTF-8, FHIR numbers and booleans of their JSON types,
 * no case content echoed in messages. (POST /assess reads its body with
 * the command line's own case reader and limits.)
 */
final class JsonBodies {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Settings.MAX_JSON_DEPTH)
                    .maxStringLength(1024 * 1024)
                    .maxNumberLength(100)
                    .build())
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonBodies() {
    }

    /**
     * Checks that a body is one well-formed JSON value within the limits, in strictly encoded UTF-8, whose FHIR
     * {@code value[x]} numbers and booleans are JSON numbers and booleans (never strings) and whose narratives hold
     * no active content.
     *
     * @return the body's text
     * @throws IllegalArgumentException saying what is wrong and where (line and column), never quoting the body
     */
    static String check(byte[] body) {
        String text = utf8(body);
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("the request body is empty; expected a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the JSON object at line "
                        + parser.currentTokenLocation().getLineNr() + ", column "
                        + parser.currentTokenLocation().getColumnNr());
            }
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException(e.getOriginalMessage().startsWith("Document nesting depth")
                    ? "the request body is nested too deeply: more than " + Settings.MAX_JSON_DEPTH
                    + " levels of arrays or objects" : "the request body is beyond a limit of the JSON reader: "
                    + e.getOriginalMessage().replaceAll(",? from `[^`]*`", "").replaceAll("\\(.*\\)", "")
                    .strip());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("the request body is not valid JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + CaseJson.plainWords(e).lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("the request body cannot be read");
        }
        return text;
    }

    /** The body's text, decoded strictly: an overlong form, an encoded surrogate or a cut-off sequence is an error. */
    private static String utf8(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            throw new IllegalArgumentException("the request body starts with a byte order mark; JSON over HTTP is "
                    + "UTF-8 without one (RFC 8259)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the request body is not valid UTF-8 at byte offset " + in.position()
                    + "; text must be strictly encoded (no overlong forms, encoded surrogates or code points beyond "
                    + "U+10FFFF)");
        }
    }

    /** A checked body as a JSON tree, checked for FHIR value types and active narrative content too. */
    static JsonNode tree(byte[] body) {
        String text = check(body);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the request body is not valid JSON", e); // checked above
        }
        checkFhirValues(tree, "");
        return tree;
    }

    /**
     * FHIR JSON's primitive types as JSON types: {@code valueBoolean} a JSON boolean, {@code valueInteger} (and the
     * other whole-number types) a JSON whole number, {@code valueDecimal} a JSON number; a narrative ({@code div})
     * without scripts, event handlers or {@code javascript:} links, since a client may show it.
     */
    static void checkFhirValues(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkFhirValues(node.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = path.isEmpty() ? name : path + "." + name;
            boolean wrong = switch (name) {
                case "valueBoolean" -> !value.isBoolean();
                case "valueInteger", "valueUnsignedInt", "valuePositiveInt", "valueInteger64" ->
                        !value.isIntegralNumber();
                case "valueDecimal" -> !value.isNumber();
                default -> false;
            };
            if (wrong) {
                throw new IllegalArgumentException(Text.shown(at, 120) + " must be a JSON " + (name.equals("valueBoolean")
                        ? "true or false" : name.equals("valueDecimal") ? "number" : "whole number without a "
                        + "fraction") + ", was " + kind(value));
            }
            if (name.equals("div") && value.isTextual() && ACTIVE.matcher(value.asText()).find()) {
                throw new IllegalArgumentException(Text.shown(at, 120) + ": a narrative must not hold active content "
                        + "(scripts, embedded objects, event handlers or javascript: links)");
            }
            checkFhirValues(value, at);
        });
    }

    private static final Pattern ACTIVE = Pattern.compile("(?i)<\\s*(script|iframe|object|embed|form|style|link|meta|"
            + "base)\\b|javascript\\s*:|vbscript\\s*:|data\\s*:\\s*text/html|\\son[a-z]+\\s*=");

    private static String kind(JsonNode value) {
        return value.isTextual() ? "a string" : value.isBoolean() ? "a boolean" : value.isNumber() ? "the number "
                + value.asText() : value.isNull() ? "null" : value.isArray() ? "an array" : "an object";
    }

    /** An error body: {@code {"error": message}}. */
    static String error(String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        return write(node);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // trees and plain maps: cannot happen
        }
    }

    /** An object as a JSON tree, for plain maps built in code. */
    static JsonNode of(Map<String, ?> value) {
        return MAPPER.valueToTree(value);
    }
}
