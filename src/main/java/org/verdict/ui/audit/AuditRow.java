package org.verdict.ui.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.verdict.core.ledger.VerificationReport.Problem;

/**
 * One record of the audited log as the table and the detail pane show it.
 *
 * @param decisionDate null when the record cannot be read
 * @param people the record's approvers and its signers, for the approver filter
 * @param fields the record's labelled lines (see {@link org.verdict.core.ledger.RecordFields})
 * @param problems what verification found wrong with this record; empty when it verified
 * @param integrity what those problems say of the record, for its badge
 */
public record AuditRow(long sequence, String recordId, LocalDate decisionDate, String kind, String model,
                       String decision, String status, List<String> people, Map<String, String> fields,
                       List<SignatureRow> signatures, List<String> problems, Integrity integrity) {

    /**
     * A record's standing in the words {@code log verify} heads its report with: a record whose only problem is a
     * signing policy it was checked against (a signer not in the trusted signers list) is whole, not tampered with.
     */
    public enum Integrity {
        VERIFIED,
        /** Unchanged, but a signature or registration breaks the signing policy checked: POLICY NOT MET. */
        POLICY_NOT_MET,
        /** The record, a signature or the chain around it was changed: TAMPERED. */
        TAMPERED;

        /** The standing {@code problems} of one record (or of the whole log) give. */
        public static Integrity of(List<Problem> problems) {
            return problems.isEmpty() ? VERIFIED
                    : problems.stream().anyMatch(p -> p.kind() == Problem.Kind.TAMPERING) ? TAMPERED : POLICY_NOT_MET;
        }
    }

    public AuditRow {
        people = List.copyOf(people);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
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
