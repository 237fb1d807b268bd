package org.verdict.core.gates.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verdict.core.pack.PackException;

/** Reads {@code policy.json}; a missing key takes its default, a wrong one is refused with its line and column. */
public final class PolicyReader {
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** @param displayName how the file is named in errors (e.g. its path relative to the pack) */
    public GatePolicy read(Path file, String displayName) throws PackException {
        try {
            return json.readValue(Files.readString(file), GatePolicy.class);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String problem = e.getOriginalMessage();
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                problem = invalid.getMessage();
            } else if (e instanceof UnrecognizedPropertyException unknown) {
                problem = "unknown key '" + unknown.getPropertyName() + "' (a typo?); known keys here: "
                        + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()
                        + "; see docs/gates.md";
            }
            throw where == null ? new PackException(displayName, problem)
                    : new PackException(displayName, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0),
                            problem);
        } catch (IOException e) {
            throw new PackException(displayName, "cannot read the policy: " + e.getMessage());
        }
    }
}
