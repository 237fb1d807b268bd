package org.verdict.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads decision record files and reads and writes statement payloads, with one strict Jackson setup. */
public final class RecordJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RecordJson() {
    }

    /** Reads a record file without checking that it is complete (its evidence may still come from the pack). */
    public static DecisionRecord parseRecordFile(Path file) throws LedgerException {
        DecisionRecord record;
        try {
            record = JSON.readValue(Files.readAllBytes(file), DecisionRecord.class);
        } catch (JsonProcessingException e) {
            throw JsonFiles.located(file, e);
        } catch (IOException e) {
            throw new LedgerException("cannot read record file " + file + ": " + JsonFiles.reason(e), e);
        }
        if (record == null) {
            throw new LedgerException(file + ": empty record file");
        }
        return record;
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
