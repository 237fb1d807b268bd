package org.verdict.ui.audit;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.ledger.Integrity;

/**
 * One record of the audited log as the table and the detail pane show it.
 *
 * @param decisionDate null when the record cannot be read
 * @param people the record's approvers and its signers, for the approver filter
 * @param fields the record's labelled lines (see {@link org.verdict.core.ledger.RecordFields})
 * @param problems what verification found wrong with this record; empty when it verified
 * @param integrity what those problems say of the record
 * @param badge its mark in the table, {@code log list}'s ({@link Integrity#badgeOf})
 * @param missing a record the log no longer holds (deleted): only its number and the findings about it are known
 */
public record AuditRow(long sequence, String recordId, LocalDate decisionDate, String kind, String model,
                       String decision, String status, List<String> people, Map<String, String> fields,
                       List<SignatureRow> signatures, List<String> problems, Integrity integrity, String badge,
                       boolean missing) {

    public AuditRow {
        people = List.copyOf(people);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        signatures = List.copyOf(signatures);
        problems = List.copyOf(problems);
    }

    public boolean verified() {
        return problems.isEmpty();
    }

    public String shortId() {
        return recordId.substring(0, Math.min(12, recordId.length()));
    }

    /** @param standing {@code verified} or what is wrong with the signature */
    public record SignatureRow(String name, String role, String keyId, String signedAt, String standing) {
    }
}
