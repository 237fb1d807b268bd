package org.verdict.core.pack;

import java.util.Locale;

/** What a model predicts; decides which metrics apply and how the primary CSV is read. */
public enum Task {
    BINARY, MULTICLASS, REGRESSION;

    /** The name used in the manifest ({@code "binary"}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Task fromWireName(String name) {
        for (Task task : values()) {
            if (task.wireName().equals(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (expected binary, multiclass or regression)");
    }

    public boolean isClassification() {
        return this != REGRESSION;
    }
}
