package org.verdict.ui.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.verdict.ui.theme.CellFont;

/**
 * Keeps a table's columns at least as wide as their widest text (header or cell, each line of a multi-line cell,
 * measured at the table's text size), so JavaFX never cuts a text with an ellipsis. Room to spare goes to
 * the flexible columns (or, if there are none, to every column in proportion); a table too narrow for its columns
 * scrolls sideways. The constrained resize policies would instead hide the horizontal scroll bar and clip the last
 * columns, so the table gets the unconstrained policy and this class sets the widths.
 *
 * @param <S> the row type
 */
public final class FittedColumns<S> {
    /** The theme's cell padding: 0.5em each side. */
    private static final double THEME_CELL_PADDING_EMS = 1;
    /** Slack for rounding (less and JavaFX ends a text in "…"), and a coloured border's 3 px where a column has one. */
    private static final double THEME_SLACK = 8;
    /** Room for most of the sort arrow in a header: a sorted column's header may shorten a little, never a cell. */
    private static final double SORT_ARROW_EMS = 0.5;

    private final TableView<S> table;
    private final ObservableDoubleValue fontSize;
    /** Rows set in bold (the Compare table's overall row), measured in bold; the others in the regular weight. */
    private final Predicate<S> boldRow;
    /** Columns whose cells are bold in other rows than {@link #boldRow}'s (the Compare verdict of a worse slice). */
    private final Map<TableColumn<S, ?>, Predicate<S>> boldCells = new LinkedHashMap<>();
    /** Both sides' cell padding, as the table's stylesheet gives it, in ems. */
    private double cellPaddingEms = THEME_CELL_PADDING_EMS;
    /** Pixels beside the padding: slack for rounding, and any border a column's cells draw. */
    private double slack = THEME_SLACK;
    private final Map<TableColumn<S, ?>, Double> borders = new LinkedHashMap<>();
    /**
     * Groups of columns that take the room to spare, the first group with a column shown, instead of every column in
     * proportion.
     */
    private final List<List<TableColumn<S, ?>>> growingFirst = new ArrayList<>();
    private final Map<TableColumn<S, ?>, Function<S, String>> shownTexts = new LinkedHashMap<>();
    private final Map<TableColumn<S, ?>, Double> graphicsEms = new LinkedHashMap<>();
    private final Map<TableColumn<S, ?>, Double> flexibleMinEms = new LinkedHashMap<>();
    private final Map<TableColumn<S, ?>, Double> fitted = new LinkedHashMap<>();
    /** Columns whose cells wrap: as wide as their text while there is room, down to their longest word when not. */
    private final Set<TableColumn<S, ?>> wrapping = new HashSet<>();
    private final Map<TableColumn<S, ?>, Double> narrowest = new LinkedHashMap<>();
    /** Per column with a wider form of its text ({@link #widerWhenRoom}): that form's texts. */
    private final Map<TableColumn<S, ?>, Function<S, String>> widerTexts = new LinkedHashMap<>();
    /** What each such column's wider form adds to its fitted width, as last measured. */
    private final Map<TableColumn<S, ?>, ReadOnlyDoubleWrapper> widening = new LinkedHashMap<>();
    /** Whether each such column has its wider form now. */
    private final Map<TableColumn<S, ?>, ReadOnlyBooleanWrapper> widened = new LinkedHashMap<>();
    /** Wrapping columns that narrow only after the others ({@link #wrapLastWhenNarrow}). */
    private final Set<TableColumn<S, ?>> wrappingLast = new HashSet<>();
    /** Sorting only reorders the rows (a header click on a sorted list): nothing to measure again then. */
    private final ListChangeListener<S> rowsChanged = change -> {
        while (change.next()) {
            if (!change.wasPermutated()) {
                requestRefit();
                return;
            }
        }
    };
    /** Groups of columns that give their room to the others when the table is too narrow, the first first. */
    private final List<List<TableColumn<S, ?>>> yielding = new ArrayList<>();
    private final Set<TableColumn<S, ?>> hiddenForRoom = new HashSet<>();
    private final Set<TableColumn<S, ?>> keptByUser = new HashSet<>();
    /** The columns hidden for room, in the table's order, for a view to say where they went. */
    private final ObservableList<TableColumn<S, ?>> columnsHiddenForRoom =
            FXCollections.observableArrayList();
    /** Kept: the read-only view listens to the list weakly. */
    private final ObservableList<TableColumn<S, ?>> columnsHiddenForRoomShown =
            FXCollections.unmodifiableObservableList(columnsHiddenForRoom);
    /** Per yielding column asked about: the table width at which it stays in view ({@link #widthToShow}). */
    private final Map<TableColumn<S, ?>, ReadOnlyDoubleWrapper> widthsToShow = new LinkedHashMap<>();
    private boolean changingVisibility;
    private ObservableList<S> watchedRows;
    private ScrollBar verticalBar;
    private boolean refitRequested;
    private boolean shareRequested;
    /** The scene whose pulses run the measuring asked for ({@link #fitBeforeLayout}): the table's, while it has one. */
    private Scene pulsingScene;
    private final Runnable fitBeforeLayout = this::fitBeforeLayout;

    /**
     * @param fontSize the table's body text size in pixels (it grows in large-text mode); widths follow it
     * @param boldRows whether some rows are in bold (the overall row of the Compare table); headers always are
     */
    public FittedColumns(TableView<S> table, ObservableDoubleValue fontSize, boolean boldRows) {
        this(table, fontSize, row -> boldRows);
    }

    /**
     * @param boldRow which rows are set in bold (the Compare table's overall row): only they are measured in bold, so
     *                the regular rows do not widen every column by bold text's extra width (about a tenth)
     */
    public FittedColumns(TableView<S> table, ObservableDoubleValue fontSize, Predicate<S> boldRow) {
        this.table = table;
        this.fontSize = fontSize;
        this.boldRow = boldRow;
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        watchRows();
        // An invalidation listener: a change listener misses a new list that equals the old one (both empty).
        table.itemsProperty().addListener((InvalidationListener) items -> watchRows());
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> requestRefit());
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> {
            if (!changingVisibility) {
                followUsersChoice();
                // before the next layout, not now: sharing may hide other columns for room, and changing the visible
                // columns while the table still handles this change breaks its skin (IndexOutOfBoundsException)
                shareRequested = true;
                Platform.requestNextPulse();
            }
        });
        table.widthProperty().addListener((obs, old, width) -> share());
        // at once: a text size set by CSS is known only in a pulse's CSS pass, and measured in the next pulse the
        // columns kept the old size's widths for a frame, their texts in the new size cut to "…"; measured now, this
        // pulse's layout pass already has the new widths. Once more in the next pulse, when the table's scroll bars
        // and insets have their new size's CSS too: shared out in the old ones, a large-text table scrolled sideways
        // by a pixel
        fontSize.addListener((obs, old, size) -> {
            refit();
            requestRefit();
        });
        table.sceneProperty().addListener((obs, old, scene) -> pulseWith(scene));
        pulseWith(table.getScene());
    }

    /**
     * Measures as soon as the table joins a scene, not in the next pulse: a table inside a ScrollPane, SplitPane or
     * TabPane joins it in a pulse's CSS pass, when its content is put in the scene, after that pulse's pre-layout
     * listeners ran. In the same pass its skin builds the column headers, and JavaFX sizes a column still at its
     * default width (80 px) to its first rows' cells: a view shown with its rows already in (gates judged before the
     * Gates view was first opened) was laid out and drawn at those widths, a wrapping reason 86 px wide a word a line
     * beside 700 px of blank room, until the next pulse. Measured now, the columns have their widths before the
     * headers exist, and the layout of that pass shares out the room.
     */
    private void pulseWith(Scene scene) {
        if (pulsingScene != null) {
            pulsingScene.removePreLayoutPulseListener(fitBeforeLayout);
        }
        pulsingScene = scene;
        if (scene != null) {
            scene.addPreLayoutPulseListener(fitBeforeLayout);
            fitBeforeLayout();
        }
    }

    private void watchRows() {
        if (watchedRows != null) {
            watchedRows.removeListener(rowsChanged);
        }
        watchedRows = table.getItems();
        if (watchedRows != null) {
            watchedRows.addListener(rowsChanged);
        }
        requestRefit();
    }

    /**
     * The table's cells are padded {@code cellPaddingEms} in all (both sides, as its stylesheet pads them) and need
     * {@code slackPixels} beside that; a column whose cells draw a border adds it with {@link #border}. By default the
     * theme's padding (1 em) and 8 px.
     */
    public void padding(double cellPaddingEms, double slackPixels) {
        this.cellPaddingEms = cellPaddingEms;
        this.slack = slackPixels;
        requestRefit();
    }

    /** The column's cells draw a border of {@code pixels} beside their text (a model's coloured rule). */
    public void border(TableColumn<S, ?> column, double pixels) {
        borders.put(column, pixels);
        requestRefit();
    }

    /**
     * The column's cells are bold in the rows {@code bold} picks (the rows bold as a whole among them): only those are
     * measured in bold there, so the other columns of such a row are measured as they are drawn.
     */
    public void boldIn(TableColumn<S, ?> column, Predicate<S> bold) {
        boldCells.put(column, bold);
        requestRefit();
    }

    /**
     * Room to spare goes to these columns while any of them is shown (a table whose other columns are as wide as their
     * text), else to those of the next call's while any of them is shown, and so on; with none shown, as before: to
     * the flexible columns, or every column in proportion.
     */
    @SafeVarargs
    public final void spareTo(TableColumn<S, ?>... columns) {
        growingFirst.add(List.of(columns));
        requestRefit();
    }

    /** The column is as wide as the widest of its header and the texts it shows (lines split at {@code \n}). */
    public void fit(TableColumn<S, ?> column, Function<S, String> shownText) {
        fit(column, shownText, 0);
    }

    /** As {@link #fit(TableColumn, Function)}, with room for a graphic beside each cell's text. */
    public void fit(TableColumn<S, ?> column, Function<S, String> shownText, double graphicEms) {
        shownTexts.put(column, shownText);
        graphicsEms.put(column, graphicEms);
        requestRefit();
    }

    /**
     * The column's cells wrap their text: it is at least {@code minEms} wide (and as wide as its header), and takes
     * the room the other columns leave.
     */
    public void flexible(TableColumn<S, ?> column, double minEms) {
        flexibleMinEms.put(column, minEms);
        requestRefit();
    }

    /**
     * The column also has a wider form of its texts, {@code widerText} (a slice's name on one line where
     * {@link #fit}'s text breaks it onto two): it takes that form's width wherever the table's room to spare holds it
     * beside every other shown column at its own width, before the room goes to the columns of {@link #spareTo}; no
     * column is hidden for it. Where the room holds only some of these columns' wider forms, those that use most of
     * it take theirs ({@link WiderForms}), the columns given first where two choices use as much, and the room left
     * goes to those that did not, before any other: a cell whose one line fits the width it then has may show it. The
     * view draws the form that {@link #widened} says.
     */
    public void widerWhenRoom(TableColumn<S, ?> column, Function<S, String> widerText) {
        widerTexts.put(column, widerText);
        widening.computeIfAbsent(column, c -> new ReadOnlyDoubleWrapper());
        widened.computeIfAbsent(column, c -> new ReadOnlyBooleanWrapper());
        requestRefit();
    }

    /** Whether the column of {@link #widerWhenRoom} has the width of its wider form now (its cells show that form). */
    public ReadOnlyBooleanProperty widened(TableColumn<S, ?> column) {
        return widened.get(column).getReadOnlyProperty();
    }

    /**
     * What the wider form of the column of {@link #widerWhenRoom} adds to the table's width at the current text size
     * and rows: a layout that can give the table room from elsewhere (the Compare chart beside it) may ask for it.
     */
    public ReadOnlyDoubleProperty widening(TableColumn<S, ?> column) {
        return widening.get(column).getReadOnlyProperty();
    }

    /**
     * The column (whose cells wrap, e.g. {@link WrappingCell}) is as wide as its widest text while the table has room,
     * and narrows down to its longest word (or hyphenated part) before the table scrolls sideways: a long model name or
     * decision takes two lines rather than push a column that matters more out of view.
     */
    public void wrapWhenNarrow(TableColumn<S, ?> column) {
        wrapping.add(column);
        requestRefit();
    }

    /**
     * As {@link #wrapWhenNarrow}, but the column narrows only once every other wrapping column is down to its longest
     * word: a short text that matters (an integrity badge) stays on one line while a long one can wrap instead.
     */
    public void wrapLastWhenNarrow(TableColumn<S, ?> column) {
        wrapping.add(column);
        wrappingLast.add(column);
        requestRefit();
    }

    /**
     * These columns are hidden together when the table is too narrow for every column, and shown again when there
     * is room; groups given earlier yield first. A column the user shows again from the table menu stays shown.
     */
    @SafeVarargs
    public final void yieldWhenNarrow(TableColumn<S, ?>... columns) {
        yielding.add(List.of(columns));
        requestRefit();
    }

    /**
     * The table width (its insets and vertical scroll bar included) at which {@code column}, a yielding one, and every
     * column that yields after it or never stay in view, each narrowed as far as it goes, at the current text size and
     * rows. A layout that can give the table room from elsewhere (the Compare chart beside it) asks for this width, so
     * that what yields first is chosen there rather than by the columns' order alone.
     */
    public ReadOnlyDoubleProperty widthToShow(TableColumn<S, ?> column) {
        if (yielding.stream().noneMatch(group -> group.contains(column))) {
            throw new IllegalArgumentException("not a yielding column: " + column.getId());
        }
        ReadOnlyDoubleWrapper width = widthsToShow.computeIfAbsent(column, c -> new ReadOnlyDoubleWrapper());
        updateWidthsToShow();
        return width.getReadOnlyProperty();
    }

    private void updateWidthsToShow() {
        if (widthsToShow.isEmpty()) {
            return;
        }
        ScrollBar bar = verticalBar();
        double chrome = table.snappedLeftInset() + table.snappedRightInset()
                + (bar != null && bar.isVisible() ? Math.max(bar.prefWidth(-1), bar.getWidth()) : 0);
        widthsToShow.forEach((kept, width) -> {
            int keptGroup = groupOf(kept);
            Set<TableColumn<S, ?>> yieldingSooner = new HashSet<>();
            for (int i = 0; i < keptGroup; i++) {
                yieldingSooner.addAll(yielding.get(i));
            }
            List<TableColumn<S, ?>> shown = table.getColumns().stream()
                    .filter(column -> column.isVisible() || hiddenForRoom.contains(column))
                    .filter(column -> !yieldingSooner.contains(column) || keptByUser.contains(column)).toList();
            // the measured widths and one pixel of slack, as share() keeps
            width.set(Math.ceil(width(shown) + chrome) + 1);
        });
    }

    private int groupOf(TableColumn<S, ?> column) {
        for (int i = 0; i < yielding.size(); i++) {
            if (yielding.get(i).contains(column)) {
                return i;
            }
        }
        return yielding.size();
    }

    /**
     * A column shown or hidden while this class was not changing visibility was the user's doing (the table menu):
     * one hidden for room that is visible again stays; one the user hid is no longer ours to show.
     */
    private void followUsersChoice() {
        for (TableColumn<S, ?> column : List.copyOf(hiddenForRoom)) {
            if (column.isVisible()) {
                hiddenForRoom.remove(column);
                keptByUser.add(column);
            }
        }
        yielding.stream().flatMap(List::stream).filter(column -> !column.isVisible() && keptByUser.contains(column))
                .forEach(keptByUser::remove);
    }

    /**
     * The yielding columns hidden now because the table has no room for them (not those the user hid), in the
     * table's order: a view says where they are (the ⋮ menu, a row's tooltip) rather than let them vanish unsaid.
     */
    public ObservableList<TableColumn<S, ?>> hiddenForRoom() {
        return columnsHiddenForRoomShown;
    }

    /** The texts the columns show changed (not their rows): measure them again. */
    public void textsChanged() {
        requestRefit();
    }

    /**
     * Changes come in bursts (a view adds its columns one by one, results bring rows and a new text size together):
     * they are measured once, at the start of the next pulse, before its CSS and layout passes, so the first frame
     * that shows new rows shows them at their widths. Measured in a later event instead ({@code Platform.runLater}),
     * a pulse that came first laid out and painted the new rows in the old widths: under load the Compare table
     * showed its slices cut to "hos…" and its numbers to "…" for seconds. A new text size is measured at once
     * (see the constructor).
     */
    private void requestRefit() {
        if (!refitRequested) {
            refitRequested = true;
            Platform.requestNextPulse();
        }
    }

    /** What the last events asked for, done before the pulse's CSS and layout passes. */
    private void fitBeforeLayout() {
        if (refitRequested) {
            refitRequested = false;
            shareRequested = false;
            refit();
        } else if (shareRequested) {
            shareRequested = false;
            share();
        }
    }

    /** Measures every column again; the rows' texts and the text size are followed on their own. */
    private void refit() {
        double em = fontSize.get();
        Text header = new Text();
        header.setFont(Font.font(CellFont.FAMILY, FontWeight.BOLD, em));
        Text regular = new Text();
        regular.setFont(Font.font(CellFont.FAMILY, FontWeight.NORMAL, em));
        Text bold = new Text();
        bold.setFont(Font.font(CellFont.FAMILY, FontWeight.BOLD, em));
        fitted.clear();
        narrowest.clear();
        for (TableColumn<S, ?> column : table.getColumns()) {
            double padding = cellPaddingEms * em + slack + borders.getOrDefault(column, 0.0);
            double widest = width(header, headerText(column)) + SORT_ARROW_EMS * em;
            double longestWord = widest;
            Function<S, String> shown = shownTexts.get(column);
            Predicate<S> boldHere = boldCells.getOrDefault(column, boldRow);
            if (shown != null) {
                for (S row : watchedRows == null ? List.<S>of() : watchedRows) {
                    Text measure = boldHere.test(row) ? bold : regular;
                    String cell = shown.apply(row);
                    for (String line : cell == null ? new String[0] : cell.split("\n")) {
                        widest = Math.max(widest, width(measure, line) + graphicsEms.get(column) * em);
                    }
                    if (wrapping.contains(column) && cell != null) {
                        // a line breaks at a space or after a hyphen ("moderation-" / "rare"), as WrappingCell draws it
                        for (String word : WrappingCell.unbreakableParts(cell)) {
                            longestWord = Math.max(longestWord, width(measure, word) + graphicsEms.get(column) * em);
                        }
                    }
                }
            }
            if (wrapping.contains(column)) {
                narrowest.put(column, Math.ceil(longestWord + padding));
            }
            Function<S, String> wider = widerTexts.get(column);
            if (wider != null) {
                double widerText = width(header, headerText(column)) + SORT_ARROW_EMS * em;
                for (S row : watchedRows == null ? List.<S>of() : watchedRows) {
                    Text measure = boldHere.test(row) ? bold : regular;
                    String cell = wider.apply(row);
                    for (String line : cell == null ? new String[0] : cell.split("\n")) {
                        widerText = Math.max(widerText, width(measure, line) + graphicsEms.get(column) * em);
                    }
                }
                widening.get(column).set(Math.max(0, Math.ceil(widerText + padding) - Math.ceil(widest + padding)));
            }
            if (flexibleMinEms.containsKey(column)) {
                widest = Math.max(widest, flexibleMinEms.get(column) * em);
            }
            if (shown != null || flexibleMinEms.containsKey(column)) {
                fitted.put(column, Math.ceil(widest + padding));
            }
        }
        share();
    }

    /** Every fitted column gets its width plus its part of the room to spare; without room, the table scrolls. */
    private void share() {
        updateWidthsToShow();
        ScrollBar bar = verticalBar();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                - (bar != null && bar.isVisible() ? Math.max(bar.prefWidth(-1), bar.getWidth()) : 0);
        if (table.getWidth() > 0) {
            makeRoom(room);
        }
        List<TableColumn<S, ?>> visible = table.getVisibleLeafColumns().stream().filter(fitted::containsKey).toList();
        Map<TableColumn<S, ?>, Double> widths = new LinkedHashMap<>();
        visible.forEach(column -> widths.put(column, fitted.get(column)));
        wrapWhereNeeded(widths, room);
        widenWhereRoom(widths, room);
        double needed = widths.values().stream().mapToDouble(Double::doubleValue).sum();
        double spare = Math.max(0, Math.floor(room - needed) - 1);
        // a column whose wider form did not fit takes the room first: its cells whose one line fits take it
        List<TableColumn<S, ?>> growing = visible.stream().filter(widened::containsKey)
                .filter(column -> !widened.get(column).get() && widening.get(column).get() > 0).toList();
        for (List<TableColumn<S, ?>> group : growingFirst) {
            if (growing.isEmpty()) {
                growing = visible.stream().filter(group::contains).toList();
            }
        }
        if (growing.isEmpty()) {
            growing = visible.stream().filter(flexibleMinEms::containsKey).toList();
        }
        if (growing.isEmpty()) {
            growing = visible;
        }
        // in proportion to the widths given (a wider form's among them), so the shares add up to the room to spare
        double growingWidth = growing.stream().mapToDouble(widths::get).sum();
        for (TableColumn<S, ?> column : visible) {
            double width = widths.get(column);
            double share = growing.contains(column) ? Math.floor(spare * width / growingWidth) : 0;
            column.setMinWidth(width);
            column.setPrefWidth(width + share);
        }
    }

    /** Gives the columns of {@link #widerWhenRoom} that the room to spare holds their wider form's width. */
    private void widenWhereRoom(Map<TableColumn<S, ?>, Double> widths, double room) {
        List<TableColumn<S, ?>> candidates = widths.keySet().stream().filter(widerTexts::containsKey).toList();
        double spare = Math.floor(room - widths.values().stream().mapToDouble(Double::doubleValue).sum()) - 1;
        List<Integer> chosen = table.getWidth() > 0
                ? WiderForms.chosen(spare, candidates.stream().map(column -> widening.get(column).get()).toList())
                : List.of();
        for (int i = 0; i < candidates.size(); i++) {
            TableColumn<S, ?> column = candidates.get(i);
            if (chosen.contains(i)) {
                widths.put(column, widths.get(column) + widening.get(column).get());
            }
        }
        // a hidden column keeps its form: shown again, it is measured again
        widened.forEach((column, wide) -> {
            int at = candidates.indexOf(column);
            if (at >= 0) {
                wide.set(chosen.contains(at));
            }
        });
    }

    /**
     * Narrows the wrapping columns, each in proportion to what it can give, by as much as the columns need beyond
     * {@code room}, never below their longest word; those that wrap last only for what the others cannot give.
     */
    private void wrapWhereNeeded(Map<TableColumn<S, ?>, Double> widths, double room) {
        narrow(widths, room, column -> !wrappingLast.contains(column));
        narrow(widths, room, wrappingLast::contains);
    }

    private void narrow(Map<TableColumn<S, ?>, Double> widths, double room, Predicate<TableColumn<S, ?>> which) {
        double excess = widths.values().stream().mapToDouble(Double::doubleValue).sum() - room;
        List<TableColumn<S, ?>> narrowing = widths.keySet().stream().filter(narrowest::containsKey).filter(which)
                .toList();
        double canGive = narrowing.stream().mapToDouble(column -> widths.get(column) - narrowest.get(column)).sum();
        if (excess <= 0 || canGive <= 0) {
            return;
        }
        double given = Math.min(1, excess / canGive);
        for (TableColumn<S, ?> column : narrowing) {
            double width = widths.get(column);
            widths.put(column, Math.max(narrowest.get(column), Math.floor(width - given * (width - narrowest.get(column)))));
        }
    }

    /**
     * Hides yielding columns, least important first, until the rest fit in {@code room}; shows them all when they fit.
     * A group that yields sooner never comes back into the room of one hidden after it, even where it would fit there:
     * the table never shows the test and the p where both models' values had been.
     */
    private void makeRoom(double room) {
        // a wrapping column narrows before any column is hidden
        double needed = table.getColumns().stream()
                .filter(column -> column.isVisible() || hiddenForRoom.contains(column))
                .mapToDouble(column -> narrowest.getOrDefault(column, fitted.getOrDefault(column, column.getWidth())))
                .sum();
        Set<TableColumn<S, ?>> hide = new HashSet<>();
        for (List<TableColumn<S, ?>> group : yielding) {
            if (needed <= room) {
                break;
            }
            List<TableColumn<S, ?>> hidden = group.stream().filter(column -> !keptByUser.contains(column)
                    && (column.isVisible() || hiddenForRoom.contains(column))).toList();
            needed -= width(hidden);
            hide.addAll(hidden);
        }
        changingVisibility = true;
        try {
            for (TableColumn<S, ?> column : yielding.stream().flatMap(List::stream).toList()) {
                if (hide.contains(column)) {
                    hiddenForRoom.add(column);
                    column.setVisible(false);
                } else if (hiddenForRoom.remove(column)) {
                    column.setVisible(true);
                }
            }
        } finally {
            changingVisibility = false;
        }
        List<TableColumn<S, ?>> nowHidden = table.getColumns().stream().filter(hiddenForRoom::contains).toList();
        if (!nowHidden.equals(columnsHiddenForRoom)) {
            columnsHiddenForRoom.setAll(nowHidden);
        }
    }

    private double width(List<TableColumn<S, ?>> columns) {
        return columns.stream().mapToDouble(column -> narrowest.getOrDefault(column,
                fitted.getOrDefault(column, column.getWidth()))).sum();
    }

    /** The table's vertical scroll bar once its skin exists; its showing or hiding changes the room. */
    private ScrollBar verticalBar() {
        if (verticalBar == null) {
            verticalBar = table.lookupAll(".scroll-bar").stream()
                    .filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                    .map(ScrollBar.class::cast).findFirst().orElse(null);
            if (verticalBar != null) {
                verticalBar.visibleProperty().addListener((obs, was, visible) -> share());
                // the bar is wider until its style applies (20 px, then 8): sharing out the room it had then hid the
                // adjusted p of a dollar pack for good
                verticalBar.widthProperty().addListener((obs, was, width) -> share());
            }
        }
        return verticalBar;
    }

    private static double width(Text measure, String content) {
        measure.setText(content == null ? "" : content);
        return measure.getLayoutBounds().getWidth();
    }

    /** A column whose header carries a tooltip shows its title in a Label graphic. */
    private static String headerText(TableColumn<?, ?> column) {
        return column.getGraphic() instanceof Labeled header ? header.getText() : column.getText();
    }
}
