package org.verdict.core.gates.triggers;

/** The retraining triggers Verdict evaluates over monitoring evidence. */
public enum Trigger {
    METRIC_DECAY("metric_decay", "Primary metric decay"),
    DRIFT("drift", "Input and prediction drift"),
    SAFETY_RISE("safety_rise", "Rise in safety violations"),
    FEEDBACK("feedback", "Negative user feedback"),
    LABELLED_VOLUME("labelled_volume", "Newly labelled data");

    private final String wireName;
    private final String title;

    Trigger(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }
}
