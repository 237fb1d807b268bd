package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A decision of the review board as written in the log (the {@code record} of a {@link DecisionStatement}).
 * One shape for the three {@link RecordKind}s; fields that do not apply to a kind stay null.
 *
 * @param decisionDate ISO date (yyyy-MM-dd) the board decided
 * @param triggers retraining: each trigger and its evidence
 * @param approver retraining: who approved
 * @param riskTier 1 to 3; required for a promotion, decides the quorum ({@link Quorum})
 * @param approvers promotion: the people who must approve, by name
 * @param amends the id of an earlier record this one adds facts to (required for an amendment)
 * @param facts amendment: the added facts, e.g. {@code actualDeploymentDate}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "model", "decisionDate", "decision", "rationale", "dataSnapshot", "triggers", "approver",
        "candidateVersion", "productionVersion", "riskTier", "evaluationSummary", "approvers", "plannedDeploymentDate",
        "amends", "facts", "evidence"})
public record DecisionRecord(
        RecordKind kind,
        String model,
        String decisionDate,
        String decision,
        String rationale,
        String dataSnapshot,
        List<TriggerEvidence> triggers,
        String approver,
        String candidateVersion,
        String productionVersion,
        Integer riskTier,
        EvaluationSummary evaluationSummary,
        List<String> approvers,
        String plannedDeploymentDate,
        String amends,
        Map<String, String> facts,
        Evidence evidence) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Every reason the record may not be appended, in field order; empty when it is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kind == null) {
            return List.of("'kind' is required (retraining, promotion, amendment)");
        }
        require(problems, "model", model);
        require(problems, "rationale", rationale);
        date(problems, "decisionDate", decisionDate, true);
        if (kind == RecordKind.AMENDMENT) {
            if (decision != null && !kind.decisions().contains(decision)) {
                problems.add("'decision' of an amendment is 'amend' or absent");
            }
            require(problems, "amends", amends);
            if (facts == null || facts.isEmpty()) {
                problems.add("'facts' must name at least one fact the amendment adds");
            }
        } else {
            if (decision == null || !kind.decisions().contains(decision)) {
                problems.add("'decision' of a " + kind.wireName() + " record must be one of " + kind.decisions());
            }
            require(problems, "dataSnapshot", dataSnapshot);
            evidenceProblems(problems);
        }
        if (kind == RecordKind.RETRAINING) {
            require(problems, "approver", approver);
            if (triggers == null || triggers.isEmpty()) {
                problems.add("'triggers' must list the triggers evaluated, with their evidence");
            }
        }
        if (kind == RecordKind.PROMOTION) {
            require(problems, "candidateVersion", candidateVersion);
            require(problems, "productionVersion", productionVersion);
            if (riskTier == null) {
                problems.add("'riskTier' (1, 2 or 3) is required for a promotion");
            }
            if (evaluationSummary == null) {
                problems.add("'evaluationSummary' (gates and key metrics) is required for a promotion");
            }
            if (approvers == null || approvers.isEmpty()) {
                problems.add("'approvers' must name who approves the promotion");
            }
            date(problems, "plannedDeploymentDate", plannedDeploymentDate, false);
        }
        if (riskTier != null && (riskTier < 1 || riskTier > 3)) {
            problems.add("'riskTier' must be 1, 2 or 3, not " + riskTier);
        }
        return problems;
    }

    /** The record with {@code amends} replaced by the full id it was resolved to. */
    public DecisionRecord withAmends(String recordId) {
        return new DecisionRecord(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver,
                candidateVersion, productionVersion, riskTier, evaluationSummary, approvers, plannedDeploymentDate,
                recordId, facts, evidence);
    }

    /** The record bound to {@code packEvidence}, e.g. computed from the pack by {@code log append --pack}. */
    public DecisionRecord withEvidence(Evidence packEvidence) {
        return new DecisionRecord(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver,
                candidateVersion, productionVersion, riskTier, evaluationSummary, approvers, plannedDeploymentDate,
                amends, facts, packEvidence);
    }

    private void evidenceProblems(List<String> problems) {
        if (evidence == null || evidence.files() == null || evidence.files().isEmpty()) {
            problems.add("'evidence.files' must hold the SHA-256 of every file of the pack");
            return;
        }
        evidence.files().forEach((file, hash) -> {
            if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
                problems.add("'evidence.files' of " + file + " is not a lower-case hex SHA-256");
            }
        });
        if (evidence.policy() != null && (evidence.policy().sha256() == null
                || !SHA256_HEX.matcher(evidence.policy().sha256()).matches())) {
            problems.add("'evidence.policy.sha256' is not a lower-case hex SHA-256");
        }
    }

    private static void require(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add("'" + field + "' is required");
        }
    }

    private static void date(List<String> problems, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add("'" + field + "' is required (yyyy-MM-dd)");
            }
            return;
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add("'" + field + "' is not a date yyyy-MM-dd: " + value);
        }
    }
}
