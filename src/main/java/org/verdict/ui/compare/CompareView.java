package org.verdict.ui.compare;

import java.text.MessageFormat;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Callback;
import javafx.util.StringConverter;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.SliceValueOrder;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.compare.CompareViewModel.ChartKind;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.table.FittedColumns;
import org.verdict.ui.task.BackgroundExecutor;

/**
 * Candidate vs production per slice: pickers, a chart (forest plot of Δ, or both models per slice) and a sortable,
 * filterable table with the overall row on top. Worse slices stand out by colour, ▼ and the word "worse".
 */
public final class CompareView {
    /** After the slice of a row on which the candidate gives every row one output (its note in the tooltip). */
    static final String CONSTANT_MARK = " ⚠";

    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");
    private static final PseudoClass OVERALL = PseudoClass.getPseudoClass("overall");
    /** A row whose cells take two lines or more: it keeps the theme's height, a one-line row is compact. */
    private static final PseudoClass SEVERAL_LINES = PseudoClass.getPseudoClass("several-lines");
    /** Both sides' padding of a table cell, as verdict.css sets it for this table (the theme's is 1 em). */
    private static final double CELL_PADDING_EMS = 0.6;
    /** Beside a cell's padding: slack for rounding, so JavaFX never ends a text in "…". */
    private static final double CELL_SLACK = 2;
    /** The coloured rule at the left of each model's cells (verdict.css). */
    private static final double MODEL_RULE = 3;
    /** The root's normal text size. */
    private static final double BASE_FONT_SIZE = 13;
    /** Wide enough for a row's numbers on one line each; a longer text (a reason, a glossary entry) wraps. */
    private static final double TOOLTIP_MAX_WIDTH = 720;
    /** A header longer than this stands over its interval's name where the cells do ("Δ" / "[unadjusted 95% CI]"). */
    private static final int SPLIT_HEADER_CHARS = 14;
    /** Text this much larger than normal is the large-text (projector) mode. */
    private static final double LARGE_TEXT_SCALE = 1.2;
    /** Below this width the table's main columns and a readable chart do not fit side by side. */
    private static final double SIDE_BY_SIDE_MIN_WIDTH = 1100;
    /** Side by side only on a screen this much wider than high (a laptop, a desktop monitor). */
    private static final double SIDE_BY_SIDE_MIN_ASPECT = 1.5;
    /** In large text, a view lower than this starts with the chart hidden (the Chart toggle shows it). */
    private static final double LARGE_TEXT_CHART_MIN_VIEW_HEIGHT = 720;
    private static final String BESIDE_KEY = "compare.chartBesideTable";
    private static final String STACKED_KEY = "compare.chartTable";
    private static final String CRAMPED_KEY = "compare.chartTableLargeText";
    private static final String BESIDE_MANY_KEY = "compare.chartBesideTableManySlices";
    /** The chart's share until the user drags the divider: the table keeps its main columns in view. */
    private static final double CHART_SHARE_BESIDE = 0.31;
    private static final double CHART_SHARE_STACKED = 0.36;
    /**
     * Beside the table, the chart gives the table room for its decision columns (slice, verdict, n, Δ and the adjusted
     * p) down to this width (260 px in normal text: a plot of about 100 px beside the labels of 29 neighbourhoods).
     */
    private static final double CHART_MIN_WIDTH_BESIDE_EMS = 20;
    /** The chart tab pane's frame around the chart pane. */
    private static final double TAB_FRAME = 4;
    /** The split pane's divider between the chart and the table. */
    private static final double DIVIDER_ROOM = 8;
    /**
     * Beside the table, a chart of more slices than fit its pane (65 zip codes) scrolls with full-size labels, which
     * left its plot 110–130 px at 1366×768: it gets more of the width, and the table's model values yield first (the
     * row's tooltip and the ⋮ menu show them again) while the adjusted p stays.
     */
    private static final double CHART_SHARE_BESIDE_MANY = 0.335;
    /**
     * Large text on a short view, chart shown by the user: a third of the split (130 px at 1366×768) held the chart's
     * title, legend and axis and not one row; the chart asked for takes most of it, the table keeps its header and
     * first rows (both scroll).
     */
    private static final double CHART_SHARE_CRAMPED = 0.57;
    /**
     * Over the table, the chart is at least as high as its rows need to be read ({@link ChartPane#USEFUL_ROWS} of
     * them), up to this share of the split: the table keeps its header and first rows below it.
     */
    private static final double CHART_MOST_SHARE_STACKED = 0.55;

    private final CompareViewModel model;
    private final ResourceBundle text;
    private final ComparisonCellTexts cellTexts;
    private final BackgroundExecutor executor;
    private final SliceCharts charts;
    private final ChartPane chartPane;
    private final TableView<ComparisonRow> table = new TableView<>();
    private final VBox root = new VBox(10);
    // A tooltip is a window of its own: cells share one per text instead of making one per cell and repaint.
    private final Map<String, Tooltip> tooltips = new HashMap<>();
    /** The number each numeric column sorts by; null where a row has none to rank by. */
    private final Map<TableColumn<ComparisonRow, ?>, Function<ComparisonRow, Double>> rankedBy = new HashMap<>();
    private final DoubleProperty textScale = new SimpleDoubleProperty(1);
    /** Sizes each column to the text it shows. */
    private final FittedColumns<ComparisonRow> fittedColumns;
    /**
     * Beside the chart (a laptop) or in large text, Δ and both models' values stand over their intervals and long
     * slices break after their column's name: two-line rows, but every number a reviewer decides on fits without
     * sideways scrolling. With normal text and the table alone or under the chart, one line each.
     */
    private final BooleanProperty valuesOverIntervals =
            new SimpleBooleanProperty(false);
    /** The chart beside the table (a laptop): the columns' and the chart's minimum widths follow the split's. */
    private final BooleanProperty chartBeside = new SimpleBooleanProperty();
    private final ToggleButton showChart = new ToggleButton();
    /** The line naming the columns hidden for room when the filter's line has no room for it. */
    private Label hiddenColumnsLine;
    /** Whether the chart has more rows than fit its pane, so that it scrolls. */
    private final BooleanProperty manySlices = new SimpleBooleanProperty();
    /** Large text on a short view; a field, because a binding only listened to would be garbage-collected. */
    private final BooleanBinding cramped;
    /** The table width at which the decision columns, the adjusted p the last of them to yield, stay in view. */
    private ReadOnlyDoubleProperty tableWidthWithAdjustedP;
    /** The table width at which both models' values, and every column that yields after them, stay in view. */
    private ReadOnlyDoubleProperty tableWidthWithModels;
    /** What the Slice column adds to the table's width with every name on one line. */
    private ReadOnlyDoubleProperty wholeSlicesWidening;
    /** Whether the Slice column has room for every name on one line ({@link ComparisonCellTexts.Layout}). */
    private ReadOnlyBooleanProperty slicesWhole;
    /** Whether the Verdict column has room for every verdict on one line. */
    private ReadOnlyBooleanProperty verdictsWhole;

    /** Focuses the slice filter (its text selected, to type over). */
    public static final KeyCombination FILTER_KEY = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** The Chart toggle: hides the chart, or shows it again. */
    public static final KeyCombination CHART_KEY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** The Δ forest plot, showing the chart if hidden. */
    public static final KeyCombination FOREST_KEY = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** The Per model chart, showing the chart if hidden. */
    public static final KeyCombination PER_MODEL_KEY = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    /** The view's own keys with what each does, for Help → Keyboard shortcuts. */
    public static Map<KeyCombination, String> shortcuts(ResourceBundle text) {
        Map<KeyCombination, String> keys = new LinkedHashMap<>();
        keys.put(FILTER_KEY, text.getString("compare.key.filter"));
        keys.put(CHART_KEY, text.getString("compare.key.chart"));
        keys.put(FOREST_KEY, text.getString("compare.key.forest"));
        keys.put(PER_MODEL_KEY, text.getString("compare.key.perModel"));
        return keys;
    }

    public CompareView(CompareViewModel model, ResourceBundle text, BackgroundExecutor executor, ChartPane chartPane,
                       DividerMemory dividers) {
        this.model = model;
        this.text = text;
        this.cellTexts = model.cellTexts();
        this.executor = executor;
        this.charts = new SliceCharts(text);
        this.chartPane = chartPane;
        chartPane.setId("compareChart");
        root.setId("compareView");
        root.getStyleClass().add("view");
        root.setPadding(new Insets(14, 16, 10, 16));
        // The view takes the window's width, never its children's minimum: beside the chart the split's minimum
        // follows its own width, which held the view at 1366 px in a window narrowed to 1000 (cut at the right, no
        // scroll bar). Given the window's width, the layout switches to stacked and the columns give way.
        root.setMinWidth(0);

        Label summary = new Label();
        summary.setId("compareSummary");
        summary.getStyleClass().add("compare-summary");
        summary.setWrapText(true);
        // The split below gives way first: the summary wraps onto more lines rather than ending in "…".
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        // Columns are measured at the current text size and the Test column yields in large-text (projector) mode.
        DoubleBinding fontSize = Bindings.createDoubleBinding(() -> summary.getFont().getSize(), summary.fontProperty());
        textScale.bind(fontSize.divide(BASE_FONT_SIZE));
        // only bold text is measured in bold (the overall row; a worse or better verdict): bold widened every column of
        // a dollar pack by the few pixels that pushed the adjusted p out of view at 1366×768
        fittedColumns = new FittedColumns<>(table, fontSize, ComparisonRow::overall);
        // cells padded as verdict.css pads them, tighter than the theme: beside the chart on a laptop the 7 columns'
        // padding was what kept both models' values out of view
        fittedColumns.padding(CELL_PADDING_EMS, CELL_SLACK);
        Label notice = new Label();
        notice.setId("compareNotice");
        notice.getStyleClass().add("compare-notice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        // a summary pack says where its statistics came from and which method each kind of metric used
        Label evidenceBasis = new Label();
        evidenceBasis.setId("compareEvidenceBasis");
        evidenceBasis.getStyleClass().add("compare-notice");
        evidenceBasis.setWrapText(true);
        evidenceBasis.setMinHeight(Region.USE_PREF_SIZE);
        evidenceBasis.textProperty().bind(model.evidenceBasisProperty());
        evidenceBasis.visibleProperty().bind(model.evidenceBasisProperty().isNotEmpty());
        evidenceBasis.managedProperty().bind(evidenceBasis.visibleProperty());

        ConfusionHeatMap heatMap = new ConfusionHeatMap(text);
        Tab chartTab = new Tab(text.getString("compare.tab.chart"), chartPane);
        chartTab.setId("tabChart");
        Tab confusionTab = new Tab(text.getString("compare.tab.confusion"), heatMap);
        confusionTab.setId("tabConfusion");
        TabPane evidence = new TabPane(chartTab);
        evidence.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The tab is offered only for a pack with matrices (multiclass): a greyed tab on a regression pack said nothing
        // of why. A pack without them opened over the tab shows the chart.
        Runnable offerConfusion = () -> {
            if (!model.multiclassProperty().get()) {
                evidence.getTabs().remove(confusionTab);
            } else if (!evidence.getTabs().contains(confusionTab)) {
                evidence.getTabs().add(confusionTab);
            }
        };
        model.multiclassProperty().addListener((obs, was, multiclass) -> offerConfusion.run());
        offerConfusion.run();
        // The matrices are a few hundred nodes (over 100 ms of CSS and layout on a laptop): built while their tab is
        // in front, not for every slice picked while the chart is
        Runnable showConfusion = () -> {
            ConfusionPair pair = model.confusionProperty().get();
            if (pair == null) {
                heatMap.showMessage(text.getString("confusion.pick"));
            } else {
                heatMap.show(pair, model.reportProperty().get());
            }
        };
        // the per-class recall beside the matrices comes with the comparison, which may finish after the counts
        model.reportProperty().addListener((obs, old, report) -> {
            if (confusionTab.isSelected()) {
                showConfusion.run();
            }
        });
        model.confusionProperty().addListener((obs, old, pair) -> {
            if (confusionTab.isSelected()) {
                showConfusion.run();
            }
        });
        confusionTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                showConfusion.run();
            }
        });

        // A laptop screen is wide and short: there the chart stands beside the table, each with the full height
        // (a forest plot reads top to bottom; the table shows many rows). Narrower, or with large text, they stack.
        // The Chart toggle hides the chart and gives the table everything.
        VBox table = tableArea();
        SplitPane split = new SplitPane(evidence, table);
        split.setId("compareSplit");
        SplitPane.setResizableWithParent(evidence, false);
        // Beside the chart, the columns' and the chart's minimums are worked out from the split's width, so the
        // split's own minimum (their sum) followed its width: narrowed from 1366×768 to 1280×720 it kept its old
        // width and the table ran past the window, Candidate cut. Given the view's width, the minimums follow it.
        split.setMinWidth(0);
        BooleanBinding beside = Bindings.createBooleanBinding(
                () -> sideBySide(root.getWidth(), root.getHeight(), textScale.get()),
                root.widthProperty(), root.heightProperty(), textScale);
        chartBeside.bind(beside.and(showChart.selectedProperty()));
        // Where not every column fits beside the chart, what gives way is chosen here rather than by the divider's
        // share: the test and the unadjusted p first, then both models' values to the chart's scale, then the chart
        // (to its minimum); the decision columns, the adjusted p among them, never give way to the chart. The table
        // asks for the width that keeps what it may keep; the split pane moves the divider to give it.
        // The chart's scale is the width at which its plot shows three labelled ticks beside its rows' labels in a
        // whole form with their n: on a 1280×720 laptop the table kept every column and left a cross of two columns
        // 308 px, labels cut and two ticks. The chart gets up to the width at which its labels are whole; else what
        // is left, down to its minimum, its labels shortened (the table and the points' tooltips name them whole).
        DoubleBinding chartUsefulWidth = Bindings.createDoubleBinding(() -> Math.max(
                        CHART_MIN_WIDTH_BESIDE_EMS * fontSize.get(), chartPane.getUsefulWidth() + TAB_FRAME),
                fontSize, chartPane.usefulWidthProperty());
        DoubleBinding chartScaleWidth = Bindings.createDoubleBinding(() -> Math.max(
                        CHART_MIN_WIDTH_BESIDE_EMS * fontSize.get(), chartPane.scaleWidthProperty().get() + TAB_FRAME),
                fontSize, chartPane.scaleWidthProperty());
        DoubleBinding tableMinWidth = Bindings.createDoubleBinding(() -> {
            double chrome = table.snappedLeftInset() + table.snappedRightInset();
            double besideChart = split.getWidth() - DIVIDER_ROOM;
            double withAdjustedP = Math.min(tableWidthWithAdjustedP.get() + chrome,
                    besideChart - CHART_MIN_WIDTH_BESIDE_EMS * fontSize.get());
            double withModels = tableWidthWithModels.get() + chrome;
            // a chart wider than it needs for its labels whole and its scale gives the slices' names room for one
            // line each: at 1366×768 "merchant" / "=m000" took two lines beside a chart with ticks to spare
            double withWholeSlices = withModels + wholeSlicesWidening.get();
            if (withWholeSlices <= besideChart - chartUsefulWidth.get()) {
                return withWholeSlices;
            }
            // where the models' values do not fit beside the chart's scale, the table keeps no room for them: it is as
            // wide as its decision columns and the chart takes the rest (up to its useful width), rather than the
            // slice, verdict and n columns spreading into room that both models' values could not use
            return Math.max(0, withModels <= besideChart - chartScaleWidth.get() ? withModels : withAdjustedP);
        }, tableWidthWithAdjustedP, tableWidthWithModels, wholeSlicesWidening, split.widthProperty(), fontSize,
                chartScaleWidth, chartUsefulWidth);
        table.minWidthProperty().bind(Bindings.when(chartBeside).then(tableMinWidth)
                .otherwise(Region.USE_COMPUTED_SIZE));
        evidence.minWidthProperty().bind(Bindings.when(chartBeside).then(Bindings.createDoubleBinding(
                        () -> Math.max(0, Math.min(chartUsefulWidth.get(),
                                split.getWidth() - DIVIDER_ROOM - tableMinWidth.get())),
                        chartUsefulWidth, split.widthProperty(), tableMinWidth))
                .otherwise(Region.USE_COMPUTED_SIZE));
        // over the table, the chart keeps the height at which its rows can be read, whatever the divider's share
        DoubleBinding chartReadableHeight = Bindings.createDoubleBinding(() -> Math.min(
                        chartPane.usefulHeightProperty().get() + evidence.getHeight() - chartPane.getHeight(),
                        CHART_MOST_SHARE_STACKED * (split.getHeight() - DIVIDER_ROOM)),
                chartPane.usefulHeightProperty(), evidence.heightProperty(), chartPane.heightProperty(),
                split.heightProperty());
        evidence.minHeightProperty().bind(Bindings.when(beside).then(Region.USE_COMPUTED_SIZE)
                .otherwise(chartReadableHeight));
        valuesOverIntervals.bind(chartBeside
                .or(Bindings.createBooleanBinding(() -> textScale.get() >= LARGE_TEXT_SCALE, textScale)));
        split.orientationProperty().bind(Bindings.when(beside).then(Orientation.HORIZONTAL)
                .otherwise(Orientation.VERTICAL));
        showChart.selectedProperty().addListener((obs, was, shown) -> {
            if (shown) {
                split.getItems().setAll(evidence, table);
            } else {
                split.getItems().setAll(table);
            }
        });
        // Large text on a short screen leaves a chart a strip too thin to read: the table takes the view and the
        // Chart toggle brings the chart back; normal text shows it again (unless the user hid it).
        cramped = Bindings.createBooleanBinding(
                () -> textScale.get() >= LARGE_TEXT_SCALE && root.getHeight() > 0
                        && root.getHeight() < LARGE_TEXT_CHART_MIN_VIEW_HEIGHT,
                textScale, root.heightProperty());
        // each layout keeps its own divider: beside, stacked, and stacked in large text on a short view
        dividers.remember(split, Bindings.createStringBinding(
                        () -> beside.get() ? (manySlices.get() ? BESIDE_MANY_KEY : BESIDE_KEY)
                                : cramped.get() ? CRAMPED_KEY : STACKED_KEY, beside, cramped, manySlices),
                key -> switch (key) {
                    case BESIDE_KEY -> CHART_SHARE_BESIDE;
                    case BESIDE_MANY_KEY -> CHART_SHARE_BESIDE_MANY;
                    case CRAMPED_KEY -> CHART_SHARE_CRAMPED;
                    default -> CHART_SHARE_STACKED;
                });
        boolean[] hiddenForRoom = {false};
        // A chart the user asked for in large text stays: a theme switch re-applies the fonts and passes through
        // normal text for a moment, which must not hide it again.
        boolean[] askedForWhenCramped = {false};
        cramped.addListener((obs, was, now) -> {
            if (now && showChart.isSelected() && !askedForWhenCramped[0]) {
                hiddenForRoom[0] = true;
                showChart.setSelected(false);
            } else if (!now && hiddenForRoom[0]) {
                hiddenForRoom[0] = false;
                showChart.setSelected(true);
            }
        });
        showChart.setOnAction(e -> {
            hiddenForRoom[0] = false;
            askedForWhenCramped[0] = showChart.isSelected() && cramped.get();
        });
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(pickers(), summary, notice, evidenceBasis, split);

        model.chartDataProperty().addListener((obs, old, data) -> redrawChart());
        model.chartKindProperty().addListener((obs, old, kind) -> redrawChart());
        // until its rows are shown, the chart pane says what the empty table says: opening, waiting, comparing
        model.tablePlaceholderProperty().addListener((obs, old, now) -> {
            if (model.chartDataProperty().get() == null) {
                redrawChart();
            }
        });
        redrawChart();
    }

    private HBox pickers() {
        ComboBox<String> candidate = new ComboBox<>(model.candidates());
        candidate.setId("candidatePicker");
        candidate.valueProperty().bindBidirectional(model.candidateProperty());
        Label candidateLabel = new Label(text.getString("compare.candidate"), candidate);
        candidateLabel.setContentDisplay(ContentDisplay.RIGHT);
        // A single candidate needs no picker; its version is in the summary line.
        candidateLabel.visibleProperty().bind(Bindings.size(model.candidates()).greaterThan(1));
        candidateLabel.managedProperty().bind(candidateLabel.visibleProperty());

        ComboBox<Metric> metric = new ComboBox<>(model.metrics());
        metric.setId("metricPicker");
        metric.valueProperty().bindBidirectional(model.metricProperty());
        metric.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Metric item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.wireName());
                setTooltip(empty || item == null ? null : tooltip(describe(item)));
            }
        });
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric item) {
                return item == null ? "" : item.wireName();
            }

            @Override
            public Metric fromString(String wireName) {
                return Metric.fromWireName(wireName).orElse(null);
            }
        });
        Tooltip metricTip = new Tooltip();
        metricTip.textProperty().bind(Bindings.createStringBinding(
                () -> model.metricProperty().get() == null ? "" : describe(model.metricProperty().get()),
                model.metricProperty()));
        metric.setTooltip(metricTip);

        ComboBox<SliceDimension> dimension = new ComboBox<>(model.dimensions());
        dimension.setId("dimensionPicker");
        dimension.valueProperty().bindBidirectional(model.dimensionProperty());
        String allLabel = text.getString("compare.allDimensions");
        dimension.setConverter(new StringConverter<>() {
            @Override
            public String toString(SliceDimension item) {
                return item == null ? "" : item.label(allLabel);
            }

            @Override
            public SliceDimension fromString(String label) {
                return model.dimensions().stream().filter(d -> d.label(allLabel).equals(label)).findFirst().orElse(null);
            }
        });
        dimension.setTooltip(new Tooltip(text.getString("compare.dimensionTooltip")));

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton forest = new ToggleButton(text.getString("compare.chart.forest"));
        forest.setId("chartForest");
        forest.setUserData(ChartKind.FOREST_PLOT);
        forest.setTooltip(new Tooltip(text.getString("compare.chart.forestTooltip")));
        ToggleButton perModel = new ToggleButton(text.getString("compare.chart.perModel"));
        perModel.setId("chartPerModel");
        perModel.setUserData(ChartKind.PER_MODEL);
        perModel.setTooltip(new Tooltip(text.getString("compare.chart.perModelTooltip")));
        forest.setToggleGroup(kinds);
        perModel.setToggleGroup(kinds);
        forest.getStyleClass().add("left-pill");
        perModel.getStyleClass().add("right-pill");
        kinds.selectToggle(forest);
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                model.chartKindProperty().set((ChartKind) now.getUserData());
            }
        });

        showChart.setText(text.getString("compare.showChart"));
        showChart.setId("showChart");
        showChart.setSelected(true);
        showChart.setTooltip(new Tooltip(text.getString("compare.showChartTooltip")));
        forest.disableProperty().bind(showChart.selectedProperty().not());
        perModel.disableProperty().bind(showChart.selectedProperty().not());
        whileShown(CHART_KEY, showChart::fire);
        whileShown(FOREST_KEY, () -> showChartOf(kinds, forest));
        whileShown(PER_MODEL_KEY, () -> showChartOf(kinds, perModel));

        // A window too narrow for the pickers and the chart buttons on one line wraps the pickers: a row of fixed
        // width pushed the buttons, the table's last columns and the summary past the window's edge (1000×620).
        FlowPane pickers = new FlowPane(12, 8, candidateLabel, labelled("compare.metric", metric),
                labelled("compare.dimension", dimension));
        pickers.setAlignment(Pos.CENTER_LEFT);
        pickers.setMinWidth(0);
        HBox.setHgrow(pickers, Priority.ALWAYS);
        HBox chartButtons = new HBox(12, showChart, new HBox(forest, perModel));
        chartButtons.setAlignment(Pos.CENTER_LEFT);
        chartButtons.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, pickers, chartButtons);
        bar.setAlignment(Pos.CENTER_LEFT);
        // its height is asked at its wrap length (400 px by default, two lines in large text): the room it has
        pickers.prefWrapLengthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset()
                        - chartButtons.getWidth() - bar.getSpacing()),
                bar.widthProperty(), chartButtons.widthProperty()));
        bar.getStyleClass().add("compare-pickers");
        return bar;
    }

    private Tooltip tooltip(String content) {
        return tooltips.computeIfAbsent(content, shown -> {
            Tooltip tip = new Tooltip(shown);
            // a long reason or glossary text wraps instead of running off the screen
            tip.setWrapText(true);
            tip.setMaxWidth(TOOLTIP_MAX_WIDTH);
            return tip;
        });
    }

    private Label labelled(String key, Node control) {
        Label label = new Label(text.getString(key), control);
        label.setContentDisplay(ContentDisplay.RIGHT);
        label.setGraphicTextGap(6);
        return label;
    }

    private String describe(Metric metric) {
        // a metric without direction says so in its description (selection_rate: "neither better nor worse")
        return !metric.hasDirection() ? metric.description() : metric.description() + " "
                + text.getString(metric.higherIsBetter() ? "metric.higherIsBetter" : "metric.lowerIsBetter");
    }

    private void showChartOf(ToggleGroup kinds, ToggleButton kind) {
        if (!showChart.isSelected()) {
            showChart.fire();
        }
        kinds.selectToggle(kind);
    }

    /**
     * {@code action} on {@code keys} wherever the focus is (the view rail, a picker), while this view is in the
     * window: a scene accelerator, put in and taken out as the view comes and goes.
     */
    private void whileShown(KeyCombination keys, Runnable action) {
        root.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(keys, action);
            }
            if (now != null) {
                now.getAccelerators().put(keys, action);
            }
        });
    }

    /** The width of {@code field} with {@code prompt} shown whole in it. */
    private static double widthWithPrompt(TextField field, String prompt) {
        Text measure = new Text(prompt);
        measure.setFont(field.getFont());
        return Math.ceil(measure.getLayoutBounds().getWidth() + field.getPadding().getLeft()
                + field.getPadding().getRight()) + 2;
    }

    private VBox tableArea() {
        TextField filter = new TextField();
        whileShown(FILTER_KEY, () -> {
            filter.requestFocus();
            filter.selectAll();
        });
        filter.setId("sliceFilter");
        filter.textProperty().bindBidirectional(model.filterProperty());
        // As wide as its placeholder, whose example comes from the pack, measured in the field's font. Where the line
        // has no room for it beside the check boxes (a long example in a narrow table area), the field narrows to its
        // short placeholder instead of pushing "Show unadjusted intervals" out of view; the tooltip keeps the example.
        // A placeholder is never cut: shrunk under it, the field showed "Filter, e.g. internet=c".
        String shortPrompt = text.getString("compare.filterPromptShort");
        DoubleBinding fullPromptWidth = Bindings.createDoubleBinding(
                () -> widthWithPrompt(filter, model.filterPromptProperty().get()),
                model.filterPromptProperty(), filter.fontProperty(), filter.paddingProperty());
        filter.prefWidthProperty().bind(fullPromptWidth);
        filter.minWidthProperty().bind(Bindings.createDoubleBinding(() -> widthWithPrompt(filter, shortPrompt),
                filter.fontProperty(), filter.paddingProperty()));
        filter.promptTextProperty().bind(Bindings.when(filter.widthProperty().greaterThanOrEqualTo(fullPromptWidth))
                .then(model.filterPromptProperty()).otherwise(shortPrompt));
        Tooltip filterHelp = new Tooltip();
        filterHelp.textProperty().bind(model.filterHelpProperty());
        filter.setTooltip(filterHelp);
        CheckBox onlyWorse = new CheckBox(text.getString("compare.onlyWorse"));
        onlyWorse.setId("onlyWorse");
        onlyWorse.selectedProperty().bindBidirectional(model.onlyWorseProperty());
        onlyWorse.setMinWidth(Region.USE_PREF_SIZE);
        // One click from the interval each verdict reads to the plain one; the summary, the Δ header and the chart's
        // title then say that the verdicts still read the adjusted interval.
        CheckBox unadjusted = new CheckBox(text.getString("compare.showUnadjusted"));
        unadjusted.setId("showUnadjusted");
        unadjusted.selectedProperty().bindBidirectional(model.showUnadjustedProperty());
        unadjusted.setMinWidth(Region.USE_PREF_SIZE);
        unadjusted.setTooltip(new Tooltip(text.getString("compare.showUnadjusted.tooltip")));
        Label hint = new Label(text.getString("compare.tableHint"));
        hint.getStyleClass().add("hint");
        // The hint gives way first, and whole: a narrow table area hides it rather than cutting it.
        hint.setMinWidth(0);
        // The hint takes only room to spare: laid out at no width of its own, it never narrows the field.
        StackPane hintRoom = new StackPane(hint);
        hintRoom.setAlignment(Pos.CENTER_LEFT);
        hintRoom.setMinWidth(0);
        hintRoom.setPrefWidth(0);
        hintRoom.managedProperty().bind(hint.managedProperty());
        HBox.setHgrow(hintRoom, Priority.ALWAYS);
        HBox tools = new HBox(12, filter, onlyWorse, unadjusted, hintRoom);
        tools.setAlignment(Pos.CENTER_LEFT);
        // Columns hidden for lack of room are named just above the header, with where to find them again: an
        // adjusted p a board member has to hunt for in the column menu is as good as missing. On the filter's line,
        // in the hint's place: in full where it fits there, else in its short form (the full one in its tooltip);
        // on a line of its own, wrapped, only where neither fits, since that line costs a table row.
        StringBinding hiddenNames = Bindings.createStringBinding(
                () -> fittedColumns.hiddenForRoom().stream().map(TableColumn::getText)
                        .collect(Collectors.joining(", ")),
                fittedColumns.hiddenForRoom());
        StringBinding hiddenText = Bindings.createStringBinding(
                () -> hiddenNames.get().isEmpty() ? ""
                        : MessageFormat.format(text.getString("compare.hiddenForRoom"), hiddenNames.get()),
                hiddenNames);
        StringBinding hiddenShort = Bindings.createStringBinding(
                () -> hiddenNames.get().isEmpty() ? ""
                        : MessageFormat.format(text.getString("compare.hiddenForRoom.short"), hiddenNames.get()),
                hiddenNames);
        Label hiddenBeside = new Label();
        hiddenBeside.getStyleClass().add("hint");
        Tooltip hiddenTooltip = new Tooltip();
        hiddenTooltip.textProperty().bind(hiddenText);
        hiddenBeside.setTooltip(hiddenTooltip);
        Label hiddenBelow = new Label();
        hiddenBelow.getStyleClass().add("hint");
        hiddenBelow.setWrapText(true);
        hiddenBelow.setMinHeight(Region.USE_PREF_SIZE);
        hiddenBelow.textProperty().bind(hiddenText);
        // beside the field at its full width: the names never narrow it
        DoubleBinding roomBeside = Bindings.createDoubleBinding(() -> tools.getWidth()
                        - fullPromptWidth.get() - onlyWorse.getWidth() - unadjusted.getWidth() - 3 * tools.getSpacing()
                        - hiddenBeside.snappedLeftInset() - hiddenBeside.snappedRightInset(),
                tools.widthProperty(), fullPromptWidth, onlyWorse.widthProperty(), unadjusted.widthProperty());
        BooleanBinding fullFitsBeside = Bindings.createBooleanBinding(
                () -> fitsOnOneLine(hiddenText.get(), hiddenBeside.getFont(), roomBeside.get()),
                roomBeside, hiddenText, hiddenBeside.fontProperty());
        BooleanBinding shortFitsBeside = Bindings.createBooleanBinding(
                () -> fitsOnOneLine(hiddenShort.get(), hiddenBeside.getFont(), roomBeside.get()),
                roomBeside, hiddenShort, hiddenBeside.fontProperty());
        hiddenBeside.textProperty().bind(Bindings.when(fullFitsBeside).then(hiddenText).otherwise(hiddenShort));
        hiddenBeside.visibleProperty().bind(hiddenText.isNotEmpty().and(shortFitsBeside));
        hiddenBeside.managedProperty().bind(hiddenBeside.visibleProperty());
        hiddenBelow.visibleProperty().bind(hiddenText.isNotEmpty().and(shortFitsBeside.not()));
        hiddenBelow.managedProperty().bind(hiddenBelow.visibleProperty());
        hiddenBeside.idProperty().bind(Bindings.when(hiddenBeside.visibleProperty())
                .then("compareHiddenColumns").otherwise("compareHiddenColumnsBeside"));
        hiddenBelow.idProperty().bind(Bindings.when(hiddenBelow.visibleProperty())
                .then("compareHiddenColumns").otherwise("compareHiddenColumnsBelow"));
        hint.managedProperty().bind(hiddenText.isEmpty());
        // Left out of the layout, the hint keeps its last place and width: shown only while laid out, or it is drawn
        // over the hidden columns' line and the checkbox beside it (after large text, or a narrower window).
        hint.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> hint.isManaged() && hint.getWidth() >= hint.prefWidth(-1) - 0.5,
                hint.managedProperty(), hint.widthProperty(), hint.fontProperty(), hint.textProperty()));
        tools.getChildren().add(hiddenBeside);
        hiddenColumnsLine = hiddenBelow;

        table.setId("compareTable");
        Label placeholder = new Label();
        placeholder.setId("compareTablePlaceholder");
        placeholder.textProperty().bind(model.tablePlaceholderProperty());
        table.setPlaceholder(placeholder);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<ComparisonRow, String> slice = textColumn("compare.col.slice", ComparisonRow::slice);
        slice.setComparator(SliceValueOrder.INSTANCE);
        // A cross ("segment=enterprise × language=pt") takes two lines, so the column stays narrow and both parts
        // stay readable. The column is fitted to the two-line form; a single slice that the column's width (with
        // the room the other columns leave) holds on one line is shown on one.
        slice.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                showSlice();
            }

            @Override
            protected void layoutChildren() {
                showSlice();
                super.layoutChildren();
            }

            private void showSlice() {
                String item = getItem();
                String shown = isEmpty() || item == null ? null : sliceShown(item);
                if (shown != null && shown.contains("\n") && !item.contains(" × ")
                        && fitsOnOneLine(item, getFont(), getWidth() - snappedLeftInset() - snappedRightInset())) {
                    shown = item;
                }
                // a slice on which the candidate gives every row one output: marked, the note a hover away
                ComparisonRow row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
                String constant = row == null ? null : row.constantNote();
                if (shown != null && constant != null) {
                    shown += CONSTANT_MARK;
                }
                if (!Objects.equals(shown, getText())) {
                    setText(shown);
                }
                Tooltip wanted = constant == null ? null : tooltip(constant);
                if (getTooltip() != wanted) {
                    setTooltip(wanted);
                }
            }
        });
        // fitted to the narrow form (a long name over two lines), and as wide as every name on one line where the
        // table has room: at 1366×768 "merchant" / "=m000" broke beside a chart with room to spare
        fittedColumns.fit(slice, row -> cellTexts.slice(row.slice(), layout().narrow()) + constantMark(row));
        fittedColumns.widerWhenRoom(slice, row -> cellTexts.slice(row.slice(),
                new ComparisonCellTexts.Layout(valuesOverIntervals.get(), true, false)) + constantMark(row));
        slicesWhole = fittedColumns.widened(slice);
        wholeSlicesWidening = fittedColumns.widening(slice);
        table.getColumns().add(slice);
        // The verdict comes right after the slice: it is what a reviewer reads first, and it stays in view
        // however narrow the window or large the text.
        TableColumn<ComparisonRow, ComparisonRow> verdict = verdictColumn();
        table.getColumns().add(verdict);
        TableColumn<ComparisonRow, ComparisonRow> n = numberColumn("compare.col.n", this::nShown,
                row -> (double) row.n(), "n-value");
        // n with every count the metric rests on (the positives beside an AUC), one hover away
        n.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : nShown(row));
                setTooltip(empty || row == null ? null : tooltip(row.nTooltip()));
            }
        });
        table.getColumns().add(n);
        // Column priority: slice, verdict, n, Δ with its interval and the adjusted p are what a reviewer decides on,
        // so they come first and stay longest; on a narrow window the test and p yield first, then the models' own
        // values (the row's tooltip and the ⋮ menu still show them), the adjusted p last.
        // Δ and both models' values stand over their intervals (two lines): every number a reviewer decides on,
        // with its interval and n, fits a laptop's table beside the chart without sideways scrolling
        TableColumn<ComparisonRow, ComparisonRow> delta = numberColumn("compare.col.delta", this::deltaShown,
                ComparisonRow::rankedDelta, "delta-value");
        // which interval the cell shows (its level and adjustment) and the unadjusted one, one hover away
        delta.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : deltaShown(row));
                setTooltip(empty || row == null || row.deltaTooltip().isEmpty() ? null : tooltip(row.deltaTooltip()));
            }
        });
        table.getColumns().add(delta);
        TableColumn<ComparisonRow, ComparisonRow> adjustedP = numberColumn("compare.col.adjustedP",
                ComparisonRow::adjustedPText, ComparisonRow::adjustedP, "p-value");
        table.getColumns().add(adjustedP);
        TableColumn<ComparisonRow, ComparisonRow> production = numberColumn("compare.col.production",
                this::productionShown, ComparisonRow::productionValue, "production-value");
        TableColumn<ComparisonRow, ComparisonRow> candidate = numberColumn("compare.col.candidate",
                this::candidateShown, ComparisonRow::candidateValue, "candidate-value");
        // a value without its interval, or with the percentile fallback's, says why, one hover away
        for (TableColumn<ComparisonRow, ComparisonRow> model : List.of(production, candidate)) {
            Function<ComparisonRow, String> shown = model == production ? this::productionShown : this::candidateShown;
            Function<ComparisonRow, String> why = model == production ? ComparisonRow::productionTooltip
                    : ComparisonRow::candidateTooltip;
            model.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(ComparisonRow row, boolean empty) {
                    super.updateItem(row, empty);
                    setText(empty || row == null ? null : shown.apply(row));
                    setTooltip(empty || row == null || why.apply(row) == null ? null : tooltip(why.apply(row)));
                }
            });
        }
        table.getColumns().add(production);
        table.getColumns().add(candidate);
        TableColumn<ComparisonRow, ComparisonRow> rawP = numberColumn("compare.col.p", ComparisonRow::rawPText,
                row -> row.result().pValue(), "p-value");
        table.getColumns().add(rawP);
        TableColumn<ComparisonRow, String> test = textColumn("compare.col.test", ComparisonRow::test);
        // A readable name in the cell ("bootstrap (cells)"); the exact name, as in the JSON, and what the test
        // does in the tooltip.
        test.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                // the glossary's words (Help → Glossary), so a test is explained one way everywhere
                String explained = empty ? null : cellTexts.testTooltip(item);
                setText(empty ? null : explained != null ? cellTexts.testName(item) : item);
                setTooltip(explained == null ? null : tooltip(explained));
            }
        });
        fittedColumns.fit(test, row -> cellTexts.testName(row.test()));
        table.getColumns().add(test);
        table.setTableMenuButtonVisible(true);
        // What a verdict rests on is cut last: the test and the unadjusted p first, then both models' values (each is
        // in the row's tooltip and the ⋮ menu, and Δ with its interval says what the verdict reads), and only then the
        // adjusted p, the verdict's evidence beside its interval; in large text (a projector) too
        fittedColumns.yieldWhenNarrow(test, rawP);
        fittedColumns.yieldWhenNarrow(production, candidate);
        // the decision columns are as wide as their text; the table's room to spare goes to the models' values, whose
        // rule then stands apart from the adjusted p (the chart takes what is left, above)
        fittedColumns.border(production, MODEL_RULE);
        fittedColumns.border(candidate, MODEL_RULE);
        fittedColumns.spareTo(production, candidate);
        // with the models' values hidden for room, what is left over goes after the slice's name and the verdict, text
        // read from the left, rather than into n, Δ and the adjusted p, whose numbers it pushed away from their slice
        fittedColumns.spareTo(slice, verdict);
        fittedColumns.yieldWhenNarrow(adjustedP);
        tableWidthWithAdjustedP = fittedColumns.widthToShow(adjustedP);
        tableWidthWithModels = fittedColumns.widthToShow(production);
        // Each header is a label of its own, for its tooltip; the column keeps its name, which the ⋮ menu lists (it
        // listed blank lines when the name was moved into the label), and verdict.css shows the label alone.
        for (TableColumn<ComparisonRow, ?> column : table.getColumns()) {
            Label header = new Label();
            // where the cells put a value over its interval, so does the header ("Δ" / "[unadjusted 95% CI]"): on
            // one line it was the widest column in large text, and both models' values made room for it
            header.textProperty().bind(Bindings.createStringBinding(() -> valuesOverIntervals.get()
                    && column.getText().length() > SPLIT_HEADER_CHARS
                    ? ComparisonRow.valueOverInterval(column.getText()) : column.getText(),
                    column.textProperty(), valuesOverIntervals));
            String tipKey = column.getId() + ".tooltip";
            if (text.containsKey(tipKey)) {
                header.setTooltip(new Tooltip(text.getString(tipKey)));
            }
            column.setGraphic(header);
        }
        delta.textProperty().bind(model.deltaHeaderProperty());
        production.textProperty().bind(model.productionHeaderProperty());
        candidate.textProperty().bind(model.candidateHeaderProperty());

        SortedList<ComparisonRow> sorted = new SortedList<>(model.rows());
        // The overall row stays on top whatever column the user sorts by, and a row with no number to rank by in the
        // column sorted first (a Δ not tested, a p never computed) comes after the ranked rows either way: sorted
        // descending, the column's own comparator put them first, and ascending, a 6-row slice's hidden Δ −0.333
        // headed the table.
        Comparator<ComparisonRow> overallFirst = Comparator.comparing(row -> !row.overall());
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> {
            if (table.getComparator() == null) {
                // worse, then better, then the rest, in the chart's order: by name, a pack's better slices were
                // spread through 300 rows of "too few examples"
                return overallFirst.thenComparing(ComparisonRow::result, model.readingOrderProperty().get());
            }
            Function<ComparisonRow, Double> ranked = table.getSortOrder().isEmpty() ? null
                    : rankedBy.get(table.getSortOrder().get(0));
            Comparator<ComparisonRow> rankedFirst = ranked == null ? overallFirst
                    : overallFirst.thenComparing(row -> ranked.apply(row) == null);
            return rankedFirst.thenComparing(table.getComparator());
        }, table.comparatorProperty(), model.readingOrderProperty()));
        table.getColumns().forEach(CompareView::ownTooltipsFirst);
        table.setItems(sorted);
        // The sorted list follows the header's sort with the overall row kept on top; the default policy refuses a
        // comparator that is not the table's own and then silently drops the sort (on every filter change too).
        table.setSortPolicy(sortedTable -> true);
        ChangeListener<Boolean> cellsChanged = (obs, was, now) -> {
            table.refresh();
            fittedColumns.textsChanged();
        };
        valuesOverIntervals.addListener(cellsChanged);
        // the room for one-line slices and verdicts changes their texts, not the widths measured
        ChangeListener<Boolean> formsChanged = (obs, was, now) -> table.refresh();
        slicesWhole.addListener(formsChanged);
        verdictsWhole.addListener(formsChanged);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectSlice(row.result().slice());
            }
        });
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(WORSE, !empty && row != null && row.verdict() == Verdict.WORSE);
                pseudoClassStateChanged(BETTER, !empty && row != null && row.verdict() == Verdict.BETTER);
                pseudoClassStateChanged(OVERALL, !empty && row != null && row.overall());
                pseudoClassStateChanged(SEVERAL_LINES, !empty && row != null && cellTexts.lines(row, CompareView.this.layout()) > 1);
                // Details on demand: every number of the slice, whichever columns the window has room for.
                setTooltip(empty || row == null ? null : tooltip(cellTexts.details(row)));
            }
        });

        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        MenuItem copy = new MenuItem(text.getString("compare.copyTsv"));
        copy.setId("copyTsv");
        copy.setAccelerator(copyKey);
        copy.setOnAction(e -> copyAsTsv());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (copyKey.match(e)) {
                copyAsTsv();
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        // the overall row always stays: where the filter or "Only worse slices" keeps nothing else, a sentence says so
        Label filterNote = new Label();
        filterNote.setId("compareFilterNote");
        filterNote.getStyleClass().add("compare-filter-note");
        filterNote.setWrapText(true);
        filterNote.setMinHeight(Region.USE_PREF_SIZE);
        filterNote.textProperty().bind(model.filterNoteProperty());
        filterNote.visibleProperty().bind(model.filterNoteProperty().isNotEmpty());
        filterNote.managedProperty().bind(filterNote.visibleProperty());
        VBox area = new VBox(8, tools, hiddenColumnsLine, filterNote, table);
        area.setPadding(new Insets(8, 0, 0, 0));
        return area;
    }

    /**
     * How the cells are laid out now: values over their intervals (two-line rows) or on one line, and slices and
     * verdicts on one line where their columns have room.
     */
    private ComparisonCellTexts.Layout layout() {
        return new ComparisonCellTexts.Layout(valuesOverIntervals.get(), slicesWhole != null && slicesWhole.get(),
                verdictsWhole != null && verdictsWhole.get());
    }

    /** After the slice of a row on which the candidate gives every row one output. */
    private static String constantMark(ComparisonRow row) {
        return row.constantNote() == null ? "" : CONSTANT_MARK;
    }

    private String nShown(ComparisonRow row) {
        return cellTexts.n(row, layout());
    }

    private String deltaShown(ComparisonRow row) {
        return cellTexts.delta(row, layout());
    }

    private String productionShown(ComparisonRow row) {
        return cellTexts.production(row, layout());
    }

    private String candidateShown(ComparisonRow row) {
        return cellTexts.candidate(row, layout());
    }

    private String sliceShown(String label) {
        return cellTexts.slice(label, layout());
    }

    /** Whether {@code content} drawn in {@code font} is no wider than {@code width} (a cell's room for its text). */
    private static boolean fitsOnOneLine(String content, Font font, double width) {
        Text measure = new Text(content);
        measure.setFont(font);
        // a pixel of slack: JavaFX ends a text that fills its room exactly in "…"
        return measure.getLayoutBounds().getWidth() + 1 <= width;
    }

    private String verdictShown(ComparisonRow row) {
        return cellTexts.verdict(row, layout());
    }

    /**
     * Side by side on a wide, short screen (a laptop: the chart and the table each get the full height), stacked
     * when narrower or in large text, where the table's main columns need most of the width.
     */
    static boolean sideBySide(double width, double height, double textScale) {
        return textScale < LARGE_TEXT_SCALE && width >= SIDE_BY_SIDE_MIN_WIDTH
                && width >= SIDE_BY_SIDE_MIN_ASPECT * height;
    }

    private TableColumn<ComparisonRow, String> textColumn(String key, Function<ComparisonRow, String> shown) {
        TableColumn<ComparisonRow, String> column = new TableColumn<>(text.getString(key));
        column.setId(key);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(shown.apply(cell.getValue())));
        fittedColumns.fit(column, shown);
        return column;
    }

    /**
     * A column that shows formatted text but sorts by the number behind it; a row without one (null) sorts after the
     * others whichever way the column is sorted.
     */
    private TableColumn<ComparisonRow, ComparisonRow> numberColumn(String key, Function<ComparisonRow, String> shown,
                                                                   Function<ComparisonRow, Double> value,
                                                                   String styleClass) {
        TableColumn<ComparisonRow, ComparisonRow> column = new TableColumn<>(text.getString(key));
        column.setId(key);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder())));
        rankedBy.put(column, value);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : shown.apply(row));
            }
        });
        column.getStyleClass().addAll("numeric", styleClass);
        fittedColumns.fit(column, shown);
        return column;
    }

    /**
     * A cell's own tooltip (why Δ was not tested, and its value; what the test does) wins over its row's, which gives
     * every number of the slice for the cells without one: a mouse move bubbles on from the cell to the row, whose
     * tooltip then took the cell's place unless another tooltip was already showing, so hovering the Δ of a slice
     * under the minimum said "Δ not tested: n < 30" and never its value or the reason.
     */
    private static <T> void ownTooltipsFirst(TableColumn<ComparisonRow, T> column) {
        Callback<TableColumn<ComparisonRow, T>, TableCell<ComparisonRow, T>> cells = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<ComparisonRow, T> cell = cells.call(c);
            cell.addEventHandler(MouseEvent.MOUSE_MOVED, move -> {
                if (cell.getTooltip() != null) {
                    move.consume();
                }
            });
            return cell;
        });
    }

    /** The overall row is bold (verdict.css), and so is a worse or better verdict (its cell alone). */
    private static boolean hasBoldText(ComparisonRow row) {
        return row.overall() || row.verdict() == Verdict.WORSE || row.verdict() == Verdict.BETTER;
    }

    private TableColumn<ComparisonRow, ComparisonRow> verdictColumn() {
        TableColumn<ComparisonRow, ComparisonRow> column = new TableColumn<>(text.getString("compare.col.verdict"));
        column.setId("compare.col.verdict");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing(ComparisonRow::verdict));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("verdict-worse", "verdict-better", "verdict-neutral");
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                showVerdict();
                getStyleClass().add(switch (row.verdict()) {
                    case WORSE -> "verdict-worse";
                    case BETTER -> "verdict-better";
                    default -> "verdict-neutral";
                });
                // The glossary's words (Help → Glossary), so a verdict is explained one way everywhere.
                setTooltip(tooltip(cellTexts.verdictTooltip(row)));
            }

            @Override
            protected void layoutChildren() {
                showVerdict();
                super.layoutChildren();
            }

            /**
             * Where the column has not the room for every verdict on one line, one that its width holds on one line
             * still takes one ("too few examples" beside a broken "no significant" / "difference").
             */
            private void showVerdict() {
                ComparisonRow row = getItem();
                if (isEmpty() || row == null) {
                    return;
                }
                String shown = verdictShown(row);
                if (shown.contains("\n")) {
                    ComparisonCellTexts.Layout now = CompareView.this.layout();
                    String oneLine = cellTexts.verdict(row, new ComparisonCellTexts.Layout(
                            now.valuesOverIntervals(), now.slicesWhole(), true));
                    if (!oneLine.contains("\n") && fitsOnOneLine(oneLine, getFont(),
                            getWidth() - snappedLeftInset() - snappedRightInset())) {
                        shown = oneLine;
                    }
                }
                if (!shown.equals(getText())) {
                    setText(shown);
                }
            }
        });
        // as the slice's name: "too few" / "examples" only where the column has no room for the verdict on one line
        fittedColumns.fit(column, row -> cellTexts.verdict(row, layout().narrow()));
        fittedColumns.widerWhenRoom(column, row -> cellTexts.verdict(row,
                new ComparisonCellTexts.Layout(valuesOverIntervals.get(), false, true)));
        verdictsWhole = fittedColumns.widened(column);
        fittedColumns.boldIn(column, CompareView::hasBoldText);
        return column;
    }

    /** Copies the selected rows (or every visible row when none is selected) as TSV with a header line. */
    void copyAsTsv() {
        List<ComparisonRow> selected = table.getSelectionModel().getSelectedItems();
        List<ComparisonRow> copied = selected.isEmpty() ? table.getItems() : selected;
        ClipboardContent content = new ClipboardContent();
        content.putString(tsv(copied));
        Clipboard.getSystemClipboard().setContent(content);
    }

    static String tsv(List<ComparisonRow> rows) {
        return ComparisonRow.tsvHeader() + "\n" + rows.stream().map(ComparisonRow::toTsv)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private void redrawChart() {
        SliceChartData data = model.chartDataProperty().get();
        if (data != null) {
            manySlices.set(data.points().size() > ChartPane.ROWS_THAT_FIT);
        }
        if (data == null) {
            // a new pack or candidate is being compared: the previous chart must not stand for it meanwhile; rows
            // shown without a chart yet are being drawn
            chartPane.showMessage(model.rows().isEmpty() ? model.tablePlaceholderProperty().get()
                    : text.getString("compare.computing"));
            return;
        }
        if (data.isEmpty()) {
            chartPane.showMessage(MessageFormat.format(text.getString("compare.noChart"), data.metric().wireName()));
            return;
        }
        ChartKind kind = model.chartKindProperty().get();
        executor.run(progress -> kind == ChartKind.FOREST_PLOT ? charts.forestPlot(data) : charts.perModel(data))
                .onSuccess(chart -> {
                    if (data == model.chartDataProperty().get() && kind == model.chartKindProperty().get()) {
                        chartPane.showChart(chart, data.points().size(),
                                kind == ChartKind.PER_MODEL ? SliceCharts.PER_MODEL_ROW_HEIGHT : 0);
                    }
                })
                .start();
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }
}
