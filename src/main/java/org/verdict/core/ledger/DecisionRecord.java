package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decision of the review board as written in the log (the {@code record} of a {@link DecisionStatement}).
 * One shape for the three {@link RecordKind}s; fields that do not apply to a kind stay null.
 *
 * @param decisionDate ISO date (yyyy-MM-dd) the board decided
 * @param triggers retraining: each trigger and its evidence
 * @param approver retraining: who approved
 * @param riskTier 1 to 3; required for a promotion, decides the quorum ({@link Quorum})
 * @param overrides promotion: one written justification per gate the summary states as failing or lacking
 *                  evidence, required to {@code promote} over it (absent when nothing is overridden)
 * @param approvers promotion: the people who must approve, by name
 * @param amends the id of an earlier record this one adds facts to (required for an amendment)
 * @param facts amendment: the added facts, e.g. {@code actualDeploymentDate}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "model", "decisionDate", "decision", "rationale", "dataSnapshot", "triggers", "approver",
        "candidateVersion", "productionVersion", "riskTier", "evaluationSummary", "overrides", "approvers", "plannedDeploymentDate",
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
        List<GateOverride> overrides,
        List<String> approvers,
        String plannedDeploymentDate,
        String amends,
        Map<String, String> facts,
        Evidence evidence) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    public static final String PROMOTE = "promote";
    /** How every view names a promote made although gates failed or lacked evidence: never a plain promote. */
    public static final String PROMOTED_OVER_BLOCKED_GATES = "promoted over blocked gates";

    /** A record that overrides no gate (every field but {@code overrides}). */
    public DecisionRecord(RecordKind kind, String model, String decisionDate, String decision, String rationale,
                          String dataSnapshot, List<TriggerEvidence> triggers, String approver,
                          String candidateVersion, String productionVersion, Integer riskTier,
                          EvaluationSummary evaluationSummary, List<String> approvers, String plannedDeploymentDate,
                          String amends, Map<String, String> facts, Evidence evidence) {
        this(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver, candidateVersion,
                productionVersion, riskTier, evaluationSummary, null, approvers, plannedDeploymentDate, amends, facts,
                evidence);
    }

    /** The record with the board's justifications for the gates it promotes over. */
    public DecisionRecord withOverrides(List<GateOverride> justified) {
        return new DecisionRecord(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver,
                candidateVersion, productionVersion, riskTier, evaluationSummary,
                justified == null || justified.isEmpty() ? null : List.copyOf(justified), approvers,
                plannedDeploymentDate, amends, facts, evidence);
    }

    /** The gates its summary states as failing or lacking evidence, when this record promotes over them. */
    @JsonIgnore
    public List<String> overriddenGates() {
        if (kind != RecordKind.PROMOTION || !PROMOTE.equals(decision) || evaluationSummary == null) {
            return List.of();
        }
        return evaluationSummary.blockingGates().stream().map(EvaluationSummary.GateOutcome::gate).toList();
    }

    /** The decision as people read it: "promoted over blocked gates" for such a promote, "amend" for an amendment. */
    @JsonIgnore
    public String decisionLabel() {
        if (!overriddenGates().isEmpty()) {
            return PROMOTED_OVER_BLOCKED_GATES;
        }
        return decision == null ? "amend" : decision;
    }

    /**
     * The decision as one sentence, the one wording of every action: "promote candidate 43 over production 42", "hold
     * production 42; do not promote candidate 43", "roll back candidate 43 to production 42", "retrain support-router",
     * "amends record …: actualDeploymentDate 2026-12-02". A promote over blocked gates says so, naming them.
     */
    @JsonIgnore
    public String action() {
        String candidate = "candidate " + candidateVersion;
        String production = "production " + productionVersion;
        if (kind == null) {
            return String.valueOf(decision);
        }
        return switch (kind) {
            case PROMOTION -> switch (decision == null ? "" : decision) {
                case PROMOTE -> overriddenGates().isEmpty() ? "promote " + candidate + " over " + production
                        : "promote " + candidate + " over " + production + " — " + overrideText();
                case "hold" -> "hold " + production + "; do not promote " + candidate;
                case "rollback" -> "roll back " + candidate + " to " + production;
                default -> decision + " (" + candidate + ", " + production + ")";
            };
            case RETRAINING -> switch (decision == null ? "" : decision) {
                case "retrain" -> "retrain " + model;
                case "defer" -> "defer retraining " + model;
                case "investigate" -> "investigate " + model + " before deciding whether to retrain it";
                default -> decision + " (" + model + ")";
            };
            case AMENDMENT -> "amends record " + amends + ": " + (facts == null ? "" : facts.entrySet().stream()
                    .map(fact -> fact.getKey() + " " + fact.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")));
        };
    }

    /**
     * One line naming the overridden gates and the board's justification of each, e.g.
     * {@code promoted over blocked gates: Latency (fail) — batch scoring}; empty for any other record. A record
     * signed before justifications were required says that it has none.
     */
    @JsonIgnore
    public String overrideText() {
        return overriddenGates().isEmpty() ? "" : PROMOTED_OVER_BLOCKED_GATES + ": " + overrideDetails();
    }

    /** Each overridden gate with its stated result and justification: {@code Latency (fail) — batch scoring; …}. */
    @JsonIgnore
    public String overrideDetails() {
        if (overriddenGates().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (EvaluationSummary.GateOutcome gate : evaluationSummary.blockingGates()) {
            String why = justificationOf(gate.gate());
            parts.add(gate.gate() + " (" + gate.result() + ") — " + (why == null ? "no justification recorded" : why));
        }
        return String.join("; ", parts);
    }

    private String justificationOf(String gate) {
        return overrides == null ? null : overrides.stream().filter(o -> EvaluationSummary.sameGate(o.gate(), gate))
                .map(GateOverride::justification).findFirst().orElse(null);
    }

    /**
     * A reason the record may not be appended, with the JSON pointer of the value at fault ("/riskTier",
     * "/evidence/files/manifest.json"); for a value left out, the pointer it would have, so a record file can place
     * the problem at the object that lacks it.
     */
    public record FieldProblem(String pointer, String message) {
    }

    /** Where the calendar is furthest ahead (UTC+14): no one's date is later there, wherever the board sat. */
    private static final ZoneOffset FURTHEST_AHEAD = ZoneOffset.ofHours(14);

    /**
     * A {@code decisionDate} after the record is signed at {@code signedAt}: a decision cannot be dated after it was
     * signed. The date is the board's local one, so it is judged against the date where the calendar is furthest
     * ahead; empty when the date is fine or not a date at all ({@link #fieldProblems} names that).
     */
    public Optional<FieldProblem> datedAfterSigning(Instant signedAt) {
        LocalDate decided;
        try {
            decided = decisionDate == null ? null : LocalDate.parse(decisionDate);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (decided == null || !decided.isAfter(signedAt.atOffset(FURTHEST_AHEAD).toLocalDate())) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem("/decisionDate", "'decisionDate' " + decisionDate + " is after the time"
                + " the record is signed, " + signedAt.truncatedTo(ChronoUnit.MINUTES) + " (a date no time zone had"
                + " reached yet): a decision cannot be dated after it was signed; give the date the board decided"));
    }

    /** Every reason the record may not be appended, in field order; empty when it is complete. */
    public List<String> problems() {
        return fieldProblems().stream().map(FieldProblem::message).toList();
    }

    /** {@link #problems()}, each with the field it is about. */
    public List<FieldProblem> fieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            return List.of(new FieldProblem("/kind", "'kind' is required (retraining, promotion, amendment)"));
        }
        require(problems, "model", model);
        require(problems, "rationale", rationale);
        date(problems, "decisionDate", decisionDate, true);
        if (kind == RecordKind.AMENDMENT) {
            if (decision != null && !kind.decisions().contains(decision)) {
                problems.add(new FieldProblem("/decision", "'decision' of an amendment is 'amend' or absent"));
            }
            require(problems, "amends", amends);
            if (facts == null || facts.isEmpty()) {
                problems.add(new FieldProblem("/facts", "'facts' must name at least one fact the amendment adds"));
            }
        } else {
            if (decision == null || !kind.decisions().contains(decision)) {
                problems.add(new FieldProblem("/decision", "'decision' of a " + kind.wireName()
                        + " record must be one of " + kind.decisions()));
            }
            require(problems, "dataSnapshot", dataSnapshot);
            evidenceProblems(problems);
        }
        if (kind == RecordKind.RETRAINING) {
            if (approvers != null) {
                // the two kinds name their approval differently (docs/decision-log.md): say which one this kind takes
                problems.add(new FieldProblem("/approvers", "a retraining record names the one person who approved"
                        + " it in 'approver' (a name), not in 'approvers', the list of a promotion"
                        + (approver == null && approvers.size() == 1
                        ? ": write \"approver\": \"" + approvers.get(0) + "\"" : "")));
            } else if (approver == null || approver.isBlank()) {
                problems.add(new FieldProblem("/approver", "'approver' is required: the name of who approved the"
                        + " retraining"));
            }
            if (triggers == null || triggers.isEmpty()) {
                problems.add(new FieldProblem("/triggers", "'triggers' must list the triggers evaluated, with their"
                        + " evidence"));
            }
        }
        if (kind == RecordKind.PROMOTION) {
            require(problems, "candidateVersion", candidateVersion);
            require(problems, "productionVersion", productionVersion);
            if (riskTier == null) {
                problems.add(new FieldProblem("/riskTier", "'riskTier' (1, 2 or 3) is required for a promotion"));
            }
            if (evaluationSummary == null) {
                problems.add(new FieldProblem("/evaluationSummary", "'evaluationSummary' (gates and key metrics) is"
                        + " required for a promotion"));
            }
            if (approvers == null || approvers.isEmpty()) {
                problems.add(new FieldProblem("/approvers", "'approvers' must name who approves the promotion"
                        + (approver == null ? ""
                        : " (a list, e.g. \"approvers\": [\"" + approver + "\"]; 'approver' is a retraining's)")));
            } else if (approver != null) {
                problems.add(new FieldProblem("/approver", "'approver' belongs to a retraining record; a promotion"
                        + " lists its 'approvers'"));
            }
            date(problems, "plannedDeploymentDate", plannedDeploymentDate, false);
            overrideProblems(STATED).forEach(message -> problems.add(new FieldProblem("/overrides", message)));
        } else if (overrides != null) {
            problems.add(new FieldProblem("/overrides", "'overrides' belong to a promotion that promotes over gates"
                    + " that fail or lack evidence"));
        }
        if (riskTier != null && (riskTier < 1 || riskTier > 3)) {
            problems.add(new FieldProblem("/riskTier", "'riskTier' must be 1, 2 or 3, not " + riskTier));
        }
        return problems;
    }

    /**
     * Whose gate outcomes a record's overrides answer to, in the words of a problem: the outcomes its author stated,
     * or the ones Verdict judged and filled in for a record that stated none.
     *
     * @param affirms e.g. "which the evaluationSummary states as"
     * @param denies e.g. "which the evaluationSummary does not state as"
     */
    public record OutcomeSource(String affirms, String denies) {
        /** Verdict's own outcomes on {@code pack}, filled into a record whose gate table was left out. */
        public static OutcomeSource judgedOn(String pack) {
            return new OutcomeSource("which Verdict judges on " + pack + " as",
                    "which Verdict does not judge on " + pack + " as");
        }
    }

    private static final OutcomeSource STATED = new OutcomeSource("which the evaluationSummary states as",
            "which the evaluationSummary does not state as");

    /**
     * Promoting over a gate that fails or lacks evidence is the board's call, never an oversight: each such gate
     * needs its written justification, and nothing else may be called overridden.
     *
     * @param source whose outcomes the gate table holds, so the problem names who said the gate is blocked
     */
    public List<String> overrideProblems(OutcomeSource source) {
        List<String> problems = new ArrayList<>();
        List<String> blocked = overriddenGates();
        List<GateOverride> given = overrides == null ? List.of() : overrides;
        if (overrides != null && !PROMOTE.equals(decision)) {
            problems.add("'overrides' belong to a promote; a " + decision + " overrides no gate");
            return problems;
        }
        for (String gate : blocked) {
            String why = justificationOf(gate);
            String shortfall = GateOverride.shortfall(why);
            if (shortfall != null && shortfall.isEmpty()) {
                problems.add("promoting over the gate '" + gate + "', " + source.affirms() + " "
                        + resultOf(gate) + ", needs 'overrides': [{\"gate\": \"" + gate + "\", \"justification\": "
                        + "\"why the board accepts it\"}]");
            } else if (shortfall != null) {
                problems.add("the justification for promoting over the gate '" + gate + "' (\"" + why.strip()
                        + "\") needs " + shortfall);
            }
        }
        List<String> named = new ArrayList<>();
        for (GateOverride override : given) {
            if (override.gate() == null || blocked.stream().noneMatch(g -> EvaluationSummary.sameGate(g, override.gate()))) {
                problems.add("'overrides' names '" + override.gate() + "', " + source.denies()
                        + " failing or lacking evidence" + (blocked.isEmpty() ? "" : " (overridable: "
                        + String.join(", ", blocked) + ")"));
            } else if (named.stream().anyMatch(g -> EvaluationSummary.sameGate(g, override.gate()))) {
                problems.add("'overrides' names '" + override.gate() + "' twice");
            } else {
                named.add(override.gate());
            }
        }
        return problems;
    }

    private String resultOf(String gate) {
        return evaluationSummary.gates().stream().filter(g -> EvaluationSummary.sameGate(g.gate(), gate))
                .map(EvaluationSummary.GateOutcome::result).findFirst().orElse("?");
    }

    /** The record with {@code amends} replaced by the full id it was resolved to. */
    public DecisionRecord withAmends(String recordId) {
        return new DecisionRecord(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver,
                candidateVersion, productionVersion, riskTier, evaluationSummary, overrides, approvers,
                plannedDeploymentDate, recordId, facts, evidence);
    }

    /** The record bound to {@code packEvidence}, e.g. computed from the pack by {@code log append --pack}. */
    public DecisionRecord withEvidence(Evidence packEvidence) {
        return new DecisionRecord(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver,
                candidateVersion, productionVersion, riskTier, evaluationSummary, overrides, approvers,
                plannedDeploymentDate, amends, facts, packEvidence);
    }

    /** The record with the gate table Verdict judged on the pack, e.g. when the record file leaves it out. */
    public DecisionRecord withEvaluationSummary(EvaluationSummary judged) {
        return new DecisionRecord(kind, model, decisionDate, decision, rationale, dataSnapshot, triggers, approver,
                candidateVersion, productionVersion, riskTier, judged, overrides, approvers,
                plannedDeploymentDate, amends, facts, evidence);
    }

    private void evidenceProblems(List<FieldProblem> problems) {
        if (evidence == null || evidence.files() == null || evidence.files().isEmpty()) {
            problems.add(new FieldProblem("/evidence/files", "'evidence.files' must hold the SHA-256 of every file of"
                    + " the pack"));
            return;
        }
        evidence.files().forEach((file, hash) -> {
            if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
                problems.add(new FieldProblem("/evidence/files/" + file.replace("~", "~0").replace("/", "~1"),
                        "'evidence.files' of " + file + " is not a lower-case hex SHA-256"));
            }
        });
        if (evidence.policy() != null && (evidence.policy().sha256() == null
                || !SHA256_HEX.matcher(evidence.policy().sha256()).matches())) {
            problems.add(new FieldProblem("/evidence/policy/sha256", "'evidence.policy.sha256' is not a lower-case"
                    + " hex SHA-256"));
        }
    }

    private static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("/" + field, "'" + field + "' is required"));
        }
    }

    private static void date(List<FieldProblem> problems, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem("/" + field, "'" + field + "' is required (yyyy-MM-dd)"));
            }
            return;
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("/" + field, "'" + field + "' is not a date yyyy-MM-dd: " + value));
        }
    }
}
