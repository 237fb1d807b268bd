package org.verdict.core.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.ledger.EvaluationSummary.KeyMetric;
import org.verdict.core.ledger.EvaluationSummary.WorseSlice;

/**
 * A record as labelled lines, in the order the board reads them: what the Audit view's detail pane shows and
 * what its side-by-side comparison lines up. Absent fields are left out.
 */
public final class RecordFields {
    private RecordFields() {
    }

    public static Map<String, String> of(DecisionRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "Kind", record.kind() == null ? null : record.kind().wireName());
        put(fields, "Model", record.model());
        put(fields, "Decision date", record.decisionDate());
        put(fields, "Decision", record.kind() == RecordKind.AMENDMENT ? record.decision() : record.decisionLabel());
        put(fields, "Rationale", record.rationale());
        put(fields, "Data snapshot", record.dataSnapshot());
        put(fields, "Candidate version", record.candidateVersion());
        put(fields, "Production version", record.productionVersion());
        put(fields, "Risk tier", record.riskTier() == null ? null : record.riskTier().toString());
        put(fields, "Approver", record.approver());
        put(fields, "Approvers", record.approvers() == null ? null : String.join(", ", record.approvers()));
        put(fields, "Planned deployment", record.plannedDeploymentDate());
        if (record.triggers() != null) {
            record.triggers().forEach(t -> put(fields, "Trigger: " + t.trigger(),
                    (t.fired() ? "fired" : "not fired") + (t.evidence() == null ? "" : " — " + t.evidence())));
        }
        if (record.evaluationSummary() != null) {
            record.evaluationSummary().gates().forEach(g -> put(fields, "Gate: " + g.gate(),
                    g.result() + (g.detail() == null ? "" : " — " + g.detail())));
            put(fields, "Override", record.overrideText());
            record.evaluationSummary().keyMetrics().forEach(m -> put(fields, "Metric: " + m.metric(), metric(m)));
            if (record.evaluationSummary().worseSlices() != null) {
                record.evaluationSummary().worseSlices().forEach(w -> put(fields, "Worse slice: " + w.slice(),
                        worseSlice(w)));
            }
        }
        put(fields, "Amends", record.amends());
        if (record.facts() != null) {
            record.facts().forEach((name, value) -> put(fields, "Fact: " + name, value));
        }
        if (record.evidence() != null) {
            put(fields, "Pack hash", record.evidence().pack());
            if (record.evidence().summary() != null) {
                put(fields, "Summary pack", record.evidence().summary().describe());
            }
            if (record.evidence().policy() != null) {
                put(fields, "Policy " + record.evidence().policy().file(), record.evidence().policy().sha256());
            }
            if (record.evidence().files() != null) {
                record.evidence().files().forEach((file, hash) -> put(fields, "File " + file, hash));
            }
        }
        return fields;
    }

    private static String metric(KeyMetric m) {
        List<String> parts = new java.util.ArrayList<>();
        if (m.production() != null) {
            parts.add("production " + number(m.production()));
        }
        if (m.candidate() != null) {
            parts.add("candidate " + number(m.candidate()));
        }
        if (m.delta() != null) {
            parts.add("Δ " + number(m.delta()) + interval(m.deltaLower(), m.deltaUpper(), m.level()));
        }
        if (m.n() != null) {
            parts.add("n=" + m.n());
        }
        return parts.stream().collect(Collectors.joining(", ")) + (m.unit() == null ? "" : " (in " + m.unit() + ")");
    }

    private static String worseSlice(WorseSlice w) {
        return w.metric() + " Δ " + (w.delta() == null ? "–" : number(w.delta()))
                + interval(w.deltaLower(), w.deltaUpper(), w.level()) + (w.n() == null ? "" : ", n=" + w.n())
                + (w.unit() == null ? "" : " (in " + w.unit() + ")");
    }

    /** " [lower, upper]", with " at 95%" where the record states the level; empty without both ends. */
    private static String interval(Double lower, Double upper, Double level) {
        return lower == null || upper == null ? ""
                : " [" + number(lower) + ", " + number(upper) + "]" + (level == null ? ""
                : " at " + ShownInterval.percent(level));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static void put(Map<String, String> fields, String label, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(label, value);
        }
    }
}
