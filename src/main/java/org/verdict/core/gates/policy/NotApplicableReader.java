package org.verdict.core.gates.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.model.Gate;

/**
 * Reads the policy's {@code notApplicable} object ({@code {"<gate>": "<reason>", ...}}) key by key, so that an
 * unknown gate name, a gate that can never be set aside, a repeated gate or a blank reason is refused at the line
 * and column where it is written rather than at the end of the policy.
 */
final class NotApplicableReader extends StdDeserializer<Map<String, String>> {
    NotApplicableReader() {
        super(Map.class);
    }

    @Override
    public Map<String, String> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw JsonMappingException.from(parser, "notApplicable must be an object of gate name → reason, e.g. "
                    + "{\"latency\": \"batch scoring, no SLO\"}");
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String gate = parser.currentName();
            JsonToken value = parser.nextToken();
            String reason = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            try {
                check(gate, reason);
            } catch (IllegalArgumentException refused) {
                throw JsonMappingException.from(parser, refused.getMessage());
            }
            if (reasons.put(gate, reason) != null) {
                throw JsonMappingException.from(parser, "notApplicable." + gate + " is declared twice");
            }
        }
        return reasons;
    }

    /** The rule for one declaration, also applied to policies built in code. */
    static void check(String gate, String reason) {
        List<String> known = Arrays.stream(Gate.values()).filter(g -> !GatePolicy.ALWAYS_APPLICABLE.contains(g))
                .map(Gate::wireName).toList();
        if (GatePolicy.ALWAYS_APPLICABLE.stream().anyMatch(g -> g.wireName().equals(gate))) {
            throw new IllegalArgumentException("notApplicable: the gate '" + gate + "' applies to every model and "
                    + "cannot be declared not applicable; gates that can: " + known);
        }
        if (!known.contains(gate)) {
            throw new IllegalArgumentException("notApplicable: unknown gate '" + gate + "' (a typo?); gates: "
                    + known);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("notApplicable." + gate + " needs a written reason (a non-empty "
                    + "string), e.g. \"single-language model\"");
        }
    }
}
