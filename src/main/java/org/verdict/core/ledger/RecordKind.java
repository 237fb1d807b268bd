package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** The kinds of decision record and the decisions each allows. */
public enum RecordKind {
    /** Whether to retrain, after the monitoring triggers. */
    RETRAINING("retraining", List.of("retrain", "defer", "investigate")),
    /** Whether the candidate replaces production. */
    PROMOTION("promotion", List.of("promote", "hold", "rollback")),
    /** Facts added later to an earlier record (e.g. the actual deployment date); never an edit. */
    AMENDMENT("amendment", List.of("amend"));

    private final String wireName;
    private final List<String> decisions;

    RecordKind(String wireName, List<String> decisions) {
        this.wireName = wireName;
        this.decisions = decisions;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public List<String> decisions() {
        return decisions;
    }

    @JsonCreator
    public static RecordKind fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + name + "' (retraining, promotion, amendment)"));
    }
}
