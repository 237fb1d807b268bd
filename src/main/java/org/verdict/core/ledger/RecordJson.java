package org.verdict.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** Reads decision records ({@link RecordFile}) and reads and writes statement payloads, with one strict Jackson setup. */
public final class RecordJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RecordJson() {
    }

    /** The strict setup's reader, for {@link RecordFile} to add its problem handler to. */
    static ObjectReader reader() {
        return JSON.reader();
    }

    public static void checkComplete(String source, DecisionRecord record) throws LedgerException {
        var problems = record.problems();
        if (!problems.isEmpty()) {
            throw new LedgerException(source + ": the record is incomplete: " + String.join("; ", problems));
        }
    }

    public static byte[] payload(DecisionStatement statement) {
        try {
            return JSON.writeValueAsBytes(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision statement always serializes", e);
        }
    }

    /** Parses a stored payload; throws when the bytes are not a statement (a damaged record). */
    public static DecisionStatement statement(byte[] payload) throws IOException {
        return JSON.readValue(payload, DecisionStatement.class);
    }
}
