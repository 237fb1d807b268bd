package org.verdict.ui.shell;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.SliceLimitExceeded;
import org.verdict.core.stats.MetricFormat;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;

/**
 * "Open with a higher limit": a pack refused for more slice values than the app's limit is read again without that
 * bound, in the background with progress and Cancel; what opening it would cost (the values counted, how many slices
 * of them are large enough to be tested, the family their intervals are adjusted for) is then put to the person, who
 * opens it — raising the limits for the rest of the session, as {@code verdict PACK --max-slice-values N} does at
 * start — or declines, which closes the copy read.
 */
public final class HigherLimitOpening {
    /**
     * A pack read beyond the limits, waiting for the person's answer.
     *
     * @param needed the session's limits raised just enough to hold it
     * @param cost   what opening it costs, in words
     */
    public record Proposal(Path source, ReviewPack pack, PackLimits needed, String cost) {
    }

    private final PackLoader loader;
    private final SessionPackLimits limits;
    private final MainViewModel main;
    private final BackgroundExecutor executor;
    private final ActivityMonitor activity;
    private final ResourceBundle text;
    private final int minSliceSize;
    private final ReadOnlyObjectWrapper<Proposal> proposal = new ReadOnlyObjectWrapper<>();

    /**
     * @param loader       the app's loader, whose limits are {@code limits}
     * @param minSliceSize the comparison's minimum slice size: smaller slices are not tested
     */
    public HigherLimitOpening(PackLoader loader, SessionPackLimits limits, MainViewModel main,
                              BackgroundExecutor executor, ActivityMonitor activity, ResourceBundle text,
                              int minSliceSize) {
        this.loader = loader;
        this.limits = limits;
        this.main = main;
        this.executor = executor;
        this.activity = activity;
        this.text = text;
        this.minSliceSize = minSliceSize;
    }

    /** The slice limit a failed opening went beyond, when a higher limit would open the pack. */
    public static Optional<SliceLimitExceeded> offeredFor(Exception failure) {
        return failure instanceof PackException broken ? broken.sliceLimit() : Optional.empty();
    }

    /** Reads {@code source} without a bound on slice values, in the background; then {@link #proposalProperty()}. */
    public void count(Path source, SliceLimitExceeded exceeded) {
        PackLimits unbounded = limits.current().withoutSliceBounds();
        executor.run(progress -> proposalFor(source, loader.within(unbounded).load(source, progress), exceeded))
                .showProgressIn(activity, MessageFormat.format(text.getString("limit.counting"),
                        source.getFileName()))
                .onSuccess(proposal::set)
                .onError(failure -> main.openFailed(source, failure))
                .start();
    }

    private Proposal proposalFor(Path source, ReviewPack pack, SliceLimitExceeded exceeded) {
        EvaluationTable table = pack.primary();
        CategoricalColumn widest = null;
        int sliceValues = 0;
        for (CategoricalColumn column : table.sliceColumns().values()) {
            sliceValues += column.levelCount();
            if (widest == null || column.levelCount() > widest.levelCount()) {
                widest = column;
            }
        }
        int widestValues = widest == null ? 0 : widest.levelCount();
        PackLimits needed = limits.current().raisedTo(widestValues, sliceValues);
        String cost = MessageFormat.format(text.getString("limit.cost"), table.fileName(),
                widest == null ? "" : widest.name(), MetricFormat.count(widestValues),
                MetricFormat.count(exceeded.limit()),
                exceeded.perColumn() ? text.getString("limit.perColumn") : text.getString("limit.allColumns"),
                MetricFormat.count(sliceValues), MetricFormat.count(table.rowCount()),
                MetricFormat.count(tested(table)), minSliceSize,
                String.valueOf(needed.maxValuesPerSliceColumn()), String.valueOf(needed.maxSliceValues()));
        return new Proposal(source, pack, needed, cost);
    }

    /** How many slices of every column have at least the minimum size, the ones compared with a test. */
    private int tested(EvaluationTable table) {
        int tested = 0;
        for (CategoricalColumn column : table.sliceColumns().values()) {
            int[] rows = new int[column.levelCount()];
            for (int code : column.codes()) {
                rows[code]++;
            }
            for (int n : rows) {
                tested += n >= minSliceSize ? 1 : 0;
            }
        }
        return tested;
    }

    /** Opens the proposed pack and keeps the raised limits for the session (holdout sets, later packs). */
    public void accept() {
        Proposal accepted = answered();
        if (accepted != null) {
            limits.raiseTo(accepted.needed());
            main.showOpened(accepted.source(), accepted.pack(), true);
        }
    }

    /** Leaves the pack unopened; the copy read for counting is closed. */
    public void decline() {
        Proposal declined = answered();
        if (declined != null) {
            main.closeInBackground(declined.pack());
        }
    }

    /** The proposal waiting, no longer waiting once answered; null when there is none. */
    private Proposal answered() {
        Proposal waiting = proposal.get();
        proposal.set(null);
        return waiting;
    }

    /** The pack counted and waiting for an answer, with its cost; null when there is none. */
    public ReadOnlyObjectProperty<Proposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }
}
