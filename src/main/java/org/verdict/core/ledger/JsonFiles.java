package org.verdict.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.verdict.core.pack.StrictJson;

/** The ledger's small JSON files (keys, envelopes, checkpoints): read with located errors, written pretty. */
final class JsonFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    /** @param what what the file should be, for the message when it cannot be read */
    static JsonNode read(Path file, String what) throws LedgerException {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new LedgerException(file + ": empty, or not a JSON object; expected a " + what);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw located(file, e);
        } catch (IOException e) {
            throw new LedgerException("cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    /** {@code e} in words at its line and column ("record.json, line 11, column 27: riskTier must be …"). */
    static LedgerException located(Path file, JsonProcessingException e) {
        return new LedgerException(StrictJson.problem(e, file.toString()).getMessage(), e);
    }

    /** Why a file could not be read, without repeating its name (a missing file's message is its name). */
    static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
