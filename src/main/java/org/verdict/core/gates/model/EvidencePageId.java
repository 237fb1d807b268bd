package org.verdict.core.gates.model;

import java.util.Arrays;
import java.util.List;

/**
 * Every place a gate's evidence is shown: the Compare view for the primary metric, then the pages of the Evidence
 * view in their order. The one list of them, so a gate's link, the page that answers it, its title in
 * {@code gates.properties} ({@code evidence.page.<id>}) and the {@code evidenceView} field of the gates JSON cannot
 * drift apart.
 */
public enum EvidencePageId {
    COMPARE("compare"),
    SAFETY("safety"),
    FAIRNESS("fairness"),
    LANGUAGE_PARITY("language-parity"),
    LATENCY("latency"),
    CANARY("canary"),
    HOLDOUT("holdout"),
    HUMAN_BASELINE("human-baseline"),
    METRIC_HISTORY("metric-history"),
    TRIGGERS("triggers"),
    DATA_VALIDATION("data-validation");

    private final String id;

    EvidencePageId(String id) {
        this.id = id;
    }

    /** Fixed: written to JSON and used as the key of the page's title. */
    public String id() {
        return id;
    }

    /** The pages of the Evidence view, in order: every one but Compare, which is a view of its own. */
    public static List<EvidencePageId> evidenceViewPages() {
        return Arrays.stream(values()).filter(page -> page != COMPARE).toList();
    }
}
