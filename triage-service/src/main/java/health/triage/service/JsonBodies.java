package health.triage.service;

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
import java.util.Map;

/**
 * JSON request bodies of the CDS Hooks and FHIR endpoints, read with limits: at most {@value Settings#MAX_JSON_DEPTH}
 * levels of nesting, one JSON value per body, no case content echoed in messages. (POST /assess reads its body with
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
     * Checks that a body is one well-formed JSON value within the limits.
     *
     * @throws IllegalArgumentException saying what is wrong and where (line and column), never quoting the body
     */
    static void check(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
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
                    + e.getOriginalMessage().replaceAll(",? from `[^`]*`", ""));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("the request body is not valid JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("the request body cannot be read: " + e.getMessage());
        }
    }

    /** A checked body as a JSON tree. */
    static JsonNode tree(byte[] body) {
        check(body);
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the request body is not valid JSON", e); // checked above
        }
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
