package org.verdict.core.ledger;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.stats.MetricFormat;

/**
 * How a store's append-only guard is not as Verdict made it (see {@code StoreSchema.guardFaults}).
 *
 * @param dropped guard triggers the store no longer has
 * @param altered guard triggers present under their name whose statement is not the one Verdict creates
 * @param foreign triggers and views Verdict never makes, as "trigger NAME" / "view NAME"
 * @param setBack the store's format set back below the one its hash chain records; null when it is not
 */
public record GuardFaults(List<String> dropped, List<String> altered, List<String> foreign, FormatSetBack setBack) {
    public static final GuardFaults NONE = new GuardFaults(List.of(), List.of(), List.of());

    /**
     * A store whose {@code schema_version} says an earlier format than an entry of its chain records (a migration,
     * or the format stated when the chain was begun or first recorded it), or than its own tables show where no entry
     * records one: the version was lowered by hand, which is
     * how a store is made to read as one of a format with a weaker guard.
     *
     * @param entry the entry that records the later format, as {@link LogEntry#label()} names it; null when no entry
     *              does and the store's own tables show it (the table of log entries, which format 1 has not)
     * @param recorded the format that entry (or the tables and guard triggers found) records
     * @param stored the format {@code schema_version} says
     * @param migration whether that entry is a migration (else it states the format the store was of)
     */
    public record FormatSetBack(String entry, int recorded, int stored, boolean migration) {
    }

    public GuardFaults {
        dropped = List.copyOf(dropped);
        altered = List.copyOf(altered);
        foreign = List.copyOf(foreign);
    }

    /** Triggers and views only, the format as its chain records it. */
    public GuardFaults(List<String> dropped, List<String> altered, List<String> foreign) {
        this(dropped, altered, foreign, null);
    }

    public boolean isEmpty() {
        return dropped.isEmpty() && altered.isEmpty() && foreign.isEmpty() && setBack == null;
    }

    /** Every trigger or view concerned, dropped first. */
    public List<String> all() {
        List<String> all = new ArrayList<>(dropped);
        all.addAll(altered);
        all.addAll(foreign);
        return all;
    }

    /**
     * What was found, in the words of {@link #describe}, for the heading above it: e.g. "16 guard triggers dropped",
     * "1 guard trigger altered", "1 guard trigger dropped, 2 altered and 1 foreign trigger added".
     */
    public String headline() {
        List<String> parts = new ArrayList<>();
        if (!dropped.isEmpty()) {
            parts.add(MetricFormat.count(dropped.size(), "guard trigger", "guard triggers") + " dropped");
        }
        if (!altered.isEmpty()) {
            parts.add((parts.isEmpty() ? MetricFormat.count(altered.size(), "guard trigger", "guard triggers")
                    : String.valueOf(altered.size())) + " altered");
        }
        long views = foreign.stream().filter(object -> object.startsWith("view ")).count();
        if (foreign.size() > views) {
            parts.add(MetricFormat.count(foreign.size() - views, "foreign trigger", "foreign triggers") + " added");
        }
        if (views > 0) {
            parts.add(MetricFormat.count(views, "view", "views") + " added");
        }
        if (setBack != null) {
            parts.add(0, "store format set back from " + setBack.recorded() + " to " + setBack.stored());
        }
        int last = parts.size() - 1;
        return last == 0 ? parts.get(0) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
    }

    /** E.g. "missing, 16 triggers dropped (…)" or "not as Verdict made it, 1 trigger altered (…)". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!dropped.isEmpty()) {
            parts.add(MetricFormat.count(dropped.size(), "trigger", "triggers") + " dropped (" + String.join(", ", dropped)
                    + ")");
        }
        if (!altered.isEmpty()) {
            parts.add(MetricFormat.count(altered.size(), "trigger", "triggers") + " altered, so that "
                    + (altered.size() == 1 ? "it" : "they") + " may no longer refuse a change (" + String.join(", ",
                    altered) + ": not the statement Verdict creates)");
        }
        if (!foreign.isEmpty()) {
            parts.add(MetricFormat.count(foreign.size(), "trigger or view", "triggers or views")
                    + " Verdict never makes added (" + String.join(", ", foreign) + ")");
        }
        String triggers = (altered.isEmpty() && foreign.isEmpty() ? "missing, " : "not as Verdict made it, ")
                + String.join("; ", parts);
        if (setBack == null) {
            return triggers;
        }
        String evidence = setBack.entry() == null ? "it has the table of log entries, which only format 2 and later"
                + " create" + (setBack.recorded() >= 3 ? ", and guard triggers only format 3 creates, so it is a store"
                + " of format 3" : ", so it is a store of format 2 at least, its chain recording no format")
                : setBack.entry() + (setBack.migration() ? " records its migration to format "
                : " records it as a store of format ") + setBack.recorded();
        return "set back to format " + setBack.stored() + ", though " + evidence + " (its schema_version was lowered,"
                + " so that it reads as a store of the earlier format)" + (parts.isEmpty() ? "" : "; " + triggers);
    }
}
