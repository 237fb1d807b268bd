package org.verdict.ui.compare;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;
import org.verdict.core.compare.ClassRates;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.report.RowLabels;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.MetricFormat;
import org.verdict.ui.theme.Palette;

/**
 * Confusion matrices of production and candidate for the selected slice, side by side: rows are the true class,
 * columns the predicted class, each cell shows its count and is shaded by its share of the row (so the diagonal is
 * each class's recall), in the model's palette colour. Counts are printed, so nothing depends on reading shades.
 */
final class ConfusionHeatMap extends ScrollPane {
    /** The app compares at the default level; the caption of the per-class intervals names it. */
    /** The level of the per-class rates until the comparison, run at the pack policy's level, is known. */
    private static final double DEFAULT_CONFIDENCE_LEVEL = ComparisonOptions.DEFAULTS.confidenceLevel();
    private static final double CONTENT_PADDING = 12;
    /** "no significant difference" in two lines. */
    private static final double VERDICT_WIDTH = 90;
    /** Class and n, verdict, Δ over its interval, adjusted p: the models' recalls span them on a line of their own. */
    private static final int RECALL_COLUMNS = 4;
    /** Room between the class names' column and the first column of counts. */
    private static final double CORNER_GAP = 8;
    /** Below about this scale a count's digits get too small to read. */
    static final double SMALLEST_SCALE = 0.7;
    /**
     * From this many classes on, cells are narrow and a count of thousands reads "2.5k" (the hovered line says it
     * whole): at full size twelve classes showed only c00–c07 beside the table at 1366×768, and eight a ticket
     * router's first seven, the rare classes a reviewer looks for out of view.
     */
    static final int COMPACT_FROM_CLASSES = 8;
    /** From this share of the row on, a cell's shade is dark enough for light text. */
    private static final double DARK_SHADE = 0.55;
    /** "2.5k" and "983" fit it at the body text's size. */
    private static final double COMPACT_CELL_WIDTH = 32;
    /** A cell of a matrix of fewer classes: "12,345" fits it. */
    private static final double CELL_WIDTH = 52;
    /** Either side of a compact column's class name: names wider than the cells otherwise ran together. */
    static final double COMPACT_NAME_PADDING = 3;
    private final ResourceBundle text;
    /** Side by side when they fit; the candidate's goes below the production's when they do not (large text). */
    private final FlowPane matrices = new FlowPane(28, 16);
    private final Label caption = new Label();
    /** Which classes' columns the pane is too narrow for, when any are (they scroll into view). */
    private final Label outOfView = new Label();
    private final Label hovered = new Label();
    /** The full name of each class, when the matrices' headers name them by letter. */
    private final VBox legend = new VBox(2);
    private final GridPane perClass = new GridPane();
    private final GridPane recalls = new GridPane();
    private final Label recallsCaption = new Label();
    /** What the matrices show now, so showing the same slice again (its tab brought back) builds nothing. */
    private ConfusionPair shown;
    /** The comparison whose per-class recall is shown now (null: none yet). */
    private ComparisonReport shownReport;
    private double shownLevel = Double.NaN;
    private final Label perClassCaption = new Label();
    /** The class names of the two tables under the matrices, cut to the room their columns leave. */
    private final List<ClassNameCell> recallNames = new ArrayList<>();
    private final List<ClassNameCell> rateNames = new ArrayList<>();
    /** Whether the matrices head their columns by letter: the tables then name each class after its letter too. */
    private boolean lettered;

    ConfusionHeatMap(ResourceBundle text) {
        this.text = text;
        setId("confusionHeatMap");
        setFitToWidth(true);
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        outOfView.setId("confusionOutOfView");
        outOfView.getStyleClass().add("hint");
        outOfView.setWrapText(true);
        outOfView.setMinHeight(Region.USE_PREF_SIZE);
        outOfView.visibleProperty().bind(outOfView.textProperty().isNotEmpty());
        outOfView.managedProperty().bind(outOfView.visibleProperty());
        legend.setId("confusionLegend");
        legend.setVisible(false);
        legend.managedProperty().bind(legend.visibleProperty());
        hovered.setId("confusionHovered");
        // "True tech, predicted billing: 72 examples, 7.2% of the row" wraps rather than end in "…" beside the table
        hovered.setWrapText(true);
        hovered.setMinHeight(Region.USE_PREF_SIZE);
        perClass.setId("perClassRates");
        perClass.setHgap(18);
        perClass.setVgap(4);
        perClassCaption.getStyleClass().add("hint");
        perClassCaption.setWrapText(true);
        perClassCaption.visibleProperty().bind(Bindings.isNotEmpty(perClass.getChildren()));
        perClassCaption.managedProperty().bind(perClassCaption.visibleProperty());
        // The per-class table may be wider than the pane (it scrolls sideways); the caption and the matrices keep to
        // the visible width, so the candidate's matrix goes below the production's instead of off to the right
        DoubleBinding visibleWidth = Bindings.createDoubleBinding(
                () -> Math.max(0, getViewportBounds().getWidth() - 2 * CONTENT_PADDING), viewportBoundsProperty());
        matrices.maxWidthProperty().bind(visibleWidth);
        caption.maxWidthProperty().bind(visibleWidth);
        outOfView.maxWidthProperty().bind(visibleWidth);
        perClassCaption.maxWidthProperty().bind(visibleWidth);
        hovered.maxWidthProperty().bind(visibleWidth);
        legend.maxWidthProperty().bind(visibleWidth);
        recalls.setId("perClassRecall");
        // the verdict column wraps at its fixed width: wider gaps left it too narrow for "inconclusive" beside the
        // table at 1366×768 once the precision and recall below no longer widened the pane's content
        recalls.setHgap(6);
        recalls.setVgap(4);
        recallsCaption.setId("perClassRecallCaption");
        recallsCaption.getStyleClass().add("hint");
        recallsCaption.setWrapText(true);
        recallsCaption.maxWidthProperty().bind(visibleWidth);
        recallsCaption.visibleProperty().bind(recallsCaption.textProperty().isNotEmpty());
        recallsCaption.managedProperty().bind(recallsCaption.visibleProperty());
        // the verdict column wraps at a fixed width so it stays in view beside the chart on a laptop
        ColumnConstraints verdictColumn = new ColumnConstraints(60, VERDICT_WIDTH, VERDICT_WIDTH);
        recalls.getColumnConstraints().setAll(new ColumnConstraints(), verdictColumn);
        // the matrices right under their caption, then the recall of each class compared: below the recalls, the heat
        // map was out of view beside the table at 1366×768 and only scrolling found it
        VBox content = new VBox(10, caption, outOfView, matrices, legend, hovered,
                recallsCaption, recalls, perClassCaption, perClass);
        content.setPadding(new Insets(CONTENT_PADDING));
        setContent(content);
        caption.setText(text.getString("confusion.pick"));
        viewportBoundsProperty().addListener((obs, was, now) -> fitClassNames());
        // a larger text size widens every column: the names are cut again in the new font
        hovered.fontProperty().addListener((obs, was, now) -> fitClassNames());
    }

    /**
     * @param report the comparison whose per-class recall of {@code pair}'s slice is shown above the rates; null (or
     *               a comparison of other versions) while it is being computed
     */
    void show(ConfusionPair pair, ComparisonReport report) {
        if (pair == shown && report == shownReport) {
            return;
        }
        boolean sameMatrices = pair == shown;
        shown = pair;
        shownReport = report;
        showRecalls(pair, report);
        // the rates at the comparison's level, so they read like the table's intervals beside them
        double level = report != null ? report.options().confidenceLevel() : DEFAULT_CONFIDENCE_LEVEL;
        if (!sameMatrices || level != shownLevel) {
            shownLevel = level;
            perClassCaption.setText(MessageFormat.format(text.getString("perClass.caption"),
                    NumberFormat.getPercentInstance(Locale.ROOT).format(level)));
            showPerClass(ClassRates.of(pair.slice(), pair.production(), pair.candidate(), level), pair);
        }
        if (sameMatrices) {
            return;
        }
        hovered.setText("");
        outOfView.setText("");
        caption.setText(MessageFormat.format(text.getString("confusion.caption"), pair.slice().label(),
                MetricFormat.sampleSize(pair.production().total())));
        showLegend(pair.production().classes());
        matrices.getChildren().setAll(
                fitted(matrix(MessageFormat.format(text.getString("confusion.production"), pair.productionVersion()),
                        pair.production(), Palette.PRODUCTION, "confusionProduction")),
                fitted(matrix(MessageFormat.format(text.getString("confusion.candidate"), pair.candidateVersion()),
                        pair.candidate(), Palette.CANDIDATE, "confusionCandidate")));
    }

    /**
     * Each class's recall compared: Δ with its paired interval and verdict, as the table of slices shows a metric. Laid
     * out to fit the pane beside the chart on a 1366×768 screen without scrolling sideways: each class takes two lines,
     * the class over its n, the verdict wrapped to a fixed width, Δ over its interval, the adjusted p; then, on a line of
     * its own, the two models' recalls with their intervals. No cell is shortened to "…": with larger text, the pane
     * scrolls sideways instead.
     */
    private void showRecalls(ConfusionPair pair, ComparisonReport report) {
        recalls.getChildren().clear();
        recallNames.clear();
        boolean ofThisPair = report != null && report.productionVersion().equals(pair.productionVersion())
                && report.candidateVersion().equals(pair.candidateVersion());
        List<ClassRecall> rows = ofThisPair ? report.classRecallsOf(pair.slice()) : List.of();
        if (rows.isEmpty()) {
            recallsCaption.setText(ofThisPair ? "" : text.getString("perClassRecall.waiting"));
            return;
        }
        TestFamily family = pair.slice().isOverall() ? TestFamily.CLASSES : TestFamily.SLICE_CLASSES;
        int tested = report.classFamilySizes().getOrDefault(family, 0);
        recallsCaption.setText(MessageFormat.format(text.getString("perClassRecall.caption"),
                tested == 0 ? text.getString("perClassRecall.noneTested")
                        : report.options().correction().adjusted(family, tested),
                report.options().minSliceSize(),
                // the band its verdicts read, which is not the primary metric's the summary line above states
                report.options().bandText(Metric.RECALL)));
        List<String> headings = List.of(text.getString("perClassRecall.class"), text.getString("perClassRecall.verdict"),
                text.getString("perClassRecall.delta"), text.getString("perClassRecall.adjustedP"));
        for (int c = 0; c < headings.size(); c++) {
            recalls.add(heading(headings.get(c)), c, 0);
        }
        recalls.add(heading(MessageFormat.format(text.getString("perClassRecall.models"), pair.productionVersion(),
                pair.candidateVersion())), 0, 1, RECALL_COLUMNS, 1);
        MetricFormat numbers = MetricFormat.RATE;
        for (int r = 0; r < rows.size(); r++) {
            String className = rows.get(r).className();
            SliceResult result = rows.get(r).result();
            Label verdict = new Label(result.verdictWord());
            verdict.setId("perClassRecallVerdict-" + className);
            verdict.setWrapText(true);
            if (result.verdictLabel().length() > result.verdictWord().length()) {
                verdict.setTooltip(new Tooltip(result.verdictLabel()));
            }
            if (result.verdict() == Verdict.WORSE) {
                verdict.getStyleClass().add("verdict-worse");
            } else if (result.verdict() == Verdict.BETTER) {
                verdict.getStyleClass().add("verdict-better");
            }
            int line = 2 + 2 * r;
            Label classCell = cell("perClassRecallClass-" + className, "");
            recallNames.add(new ClassNameCell(classCell, classIndex(pair, className), className,
                    "\n" + MetricFormat.sampleSize(result.n())));
            recalls.addRow(line, classCell, verdict,
                    cell("perClassRecallDelta-" + className, result.delta() == null ? "–"
                            : result.deltaCi() == null ? result.deltaText(null)
                            : result.deltaValueText(result.deltaCi()) + "\n" + result.intervalText(result.deltaCi())),
                    cell("perClassRecallP-" + className,
                            result.adjustedP() == null ? "–" : MetricFormat.pValue(result.adjustedP())));
            Label models = cell("perClassRecallModels-" + className,
                    (result.production() == null ? "–" : result.production().text(numbers)) + "  →  "
                            + (result.candidate() == null ? "–" : result.candidate().text(numbers)));
            models.getStyleClass().add("hint");
            models.setPadding(new Insets(0, 0, 6, 0));
            recalls.add(models, 0, line + 1, RECALL_COLUMNS, 1);
        }
        // numbers are never shortened to "…" (the pane scrolls sideways); the verdict column wraps instead, and a
        // class's name is cut in the middle to the room the other columns leave (fitClassNames)
        recalls.getChildren().stream().filter(cell -> GridPane.getColumnIndex(cell) != 1
                        || GridPane.getColumnSpan(cell) != null && GridPane.getColumnSpan(cell) > 1)
                .forEach(cell -> ((Region) cell).setMinWidth(Region.USE_PREF_SIZE));
        fitClassNames();
    }

    private static Label heading(String words) {
        Label heading = new Label(words);
        heading.getStyleClass().add("confusion-axis");
        return heading;
    }

    private static Label cell(String id, String words) {
        Label cell = new Label(words);
        cell.setId(id);
        return cell;
    }

    /**
     * Per-class precision and recall of both models with counts and modified Wilson intervals: the numbers behind the
     * F1s. Each class takes a line of its own and its precision and recall one each, the production's and the
     * candidate's rate side by side, each over its interval over its hits / n, so three columns fit the pane beside the
     * table on a 1366×768 laptop: six columns of "0.855 [0.834, 0.874]  1,049/1,228" made it scroll sideways.
     */
    private void showPerClass(List<ClassRates> rates, ConfusionPair pair) {
        perClass.getChildren().clear();
        rateNames.clear();
        perClass.addRow(0, heading(text.getString("perClass.class")),
                heading(MessageFormat.format(text.getString("confusion.production"), pair.productionVersion())),
                heading(MessageFormat.format(text.getString("confusion.candidate"), pair.candidateVersion())));
        for (int r = 0; r < rates.size(); r++) {
            ClassRates row = rates.get(r);
            int line = 1 + 3 * r;
            // the name and its n on a line across the three columns, so a long name widens none of them
            Label className = new Label();
            className.setId("perClassName-" + row.className());
            className.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
            rateNames.add(new ClassNameCell(className, classIndex(pair, row.className()), row.className(),
                    "  " + MetricFormat.sampleSize(row.support())));
            perClass.add(className, 0, line, 3, 1);
            perClass.addRow(line + 1, new Label(text.getString("perClass.precision")),
                    rate(row.productionPrecision()), rate(row.candidatePrecision()));
            perClass.addRow(line + 2, new Label(text.getString("perClass.recall")),
                    rate(row.productionRecall()), rate(row.candidateRecall()));
        }
        // Numbers and headings are never shortened to "…": a pane too narrow for them scrolls sideways.
        perClass.getChildren().forEach(cell -> ((Region) cell).setMinWidth(Region.USE_PREF_SIZE));
        fitClassNames();
    }

    private static int classIndex(ConfusionPair pair, String className) {
        return pair.production().classes().indexOf(className);
    }

    /**
     * A class's cell in a table under the matrices: its name, cut to the room left, then {@code after} (its n), never
     * cut; the whole name in its tooltip.
     *
     * @param index the class's place in the matrices, whose letter heads its name when they are lettered
     */
    private record ClassNameCell(Label label, int index, String name, String after) {
        void fit(boolean lettered, ToDoubleFunction<String> width, double room) {
            // as the matrices' rows: a name cut to a few characters tells little, the letter alone says where it is
            boolean keyed = lettered && index >= 0;
            String shown = keyed ? ConfusionAxes.keyedName(index, name, width, room)
                    : RowLabels.cutMiddle(name, "", width, Math.max(0, room));
            label.setText(shown + after);
            boolean whole = keyed ? ConfusionAxes.keyedWhole(index, name, shown) : shown.equals(name);
            if (!whole && label.getTooltip() == null) {
                label.setTooltip(new Tooltip(name));
            } else if (whole) {
                label.setTooltip(null);
            }
        }
    }

    /**
     * Cuts each class's name in the tables under the matrices in the middle, as the matrices' rows are, to the room
     * the pane leaves it: whole, a name of 60 characters made its column so wide that the verdict, Δ and adjusted p
     * beside it, and the models' rates under it, were out of view beside the table on a 1366×768 laptop.
     */
    private void fitClassNames() {
        double room = getViewportBounds().getWidth() - 2 * CONTENT_PADDING;
        if (room <= 0 || recallNames.isEmpty() && rateNames.isEmpty()) {
            return;
        }
        Text measure = new Text();
        measure.setFont(hovered.getFont());
        ToDoubleFunction<String> plain = words -> {
            measure.setText(words);
            return measure.getLayoutBounds().getWidth();
        };
        // the class's cell holds its n under its name: the column is at least that wide anyway
        double fewest = recallNames.stream().mapToDouble(cell -> plain.applyAsDouble(cell.after().strip())).max()
                .orElse(0);
        // the recall table: its other columns as wide as their widest cell, the verdict's at most its wrapping width
        double others = 0;
        for (int column = 1; column < RECALL_COLUMNS; column++) {
            double widest = 0;
            for (Node cell : recalls.getChildren()) {
                Integer span = GridPane.getColumnSpan(cell);
                if (Integer.valueOf(column).equals(GridPane.getColumnIndex(cell)) && (span == null || span == 1)) {
                    widest = Math.max(widest, plain.applyAsDouble(((Label) cell).getText()));
                }
            }
            others += (column == 1 ? Math.min(VERDICT_WIDTH, widest) : widest) + recalls.getHgap();
        }
        double recallRoom = Math.max(fewest, room - others - 1);
        recallNames.forEach(cell -> cell.fit(lettered, plain, recallRoom));
        Text boldMeasure = new Text();
        Font font = hovered.getFont();
        boldMeasure.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        ToDoubleFunction<String> bold = words -> {
            boldMeasure.setText(words);
            return boldMeasure.getLayoutBounds().getWidth();
        };
        for (ClassNameCell cell : rateNames) {
            cell.fit(lettered, bold, room - bold.applyAsDouble(cell.after()) - 1);
        }
    }

    private Label rate(ClassRates.Rate rate) {
        if (rate.value() == null) {
            Label missing = new Label("–");
            missing.setTooltip(new Tooltip(rate.unavailableReason()));
            return missing;
        }
        return new Label(String.format(Locale.ROOT, "%.3f\n[%.3f, %.3f]\n%s/%s", rate.value(), rate.ci().lower(),
                rate.ci().upper(), MetricFormat.count(rate.successes()), MetricFormat.count(rate.trials())));
    }

    /**
     * A matrix wider than the pane (six classes beside the chart on a laptop) is scaled down to fit, to no less than
     * {@link #SMALLEST_SCALE} (its counts stay readable), its class names first given way to letters as
     * {@link ConfusionAxes} says; narrower still, the pane scrolls sideways.
     */
    private Group fitted(Matrix matrix) {
        VBox node = matrix.node();
        Scale scale = new Scale(1, 1, 0, 0);
        node.getTransforms().add(scale);
        boolean production = "confusionProductionMatrix".equals(node.getId());
        Text measure = new Text();
        Runnable fit = () -> {
            double room = getViewportBounds().getWidth() - CONTENT_PADDING * 2;
            if (room > 0) {
                measure.setFont(matrix.columns().get(0).getFont());
                ToDoubleFunction<String> width = words -> {
                    measure.setText(words);
                    return measure.getLayoutBounds().getWidth();
                };
                double corner = Math.max(width.applyAsDouble(text.getString("confusion.predictedAxis")),
                        width.applyAsDouble(text.getString("confusion.trueAxis"))) + CORNER_GAP;
                ConfusionAxes.Columns geometry = matrix.geometry();
                // a pixel to spare for each header, which the grid rounds to whole pixels
                ConfusionAxes axes = ConfusionAxes.fitting(matrix.classes(), words -> width.applyAsDouble(words) + 1,
                        new ConfusionAxes.Columns(geometry.cellWidth(), geometry.headerPadding(), geometry.gap(),
                                corner), room / SMALLEST_SCALE);
                for (int k = 0; k < matrix.classes().size(); k++) {
                    matrix.columns().get(k).setText(axes.columns().get(k));
                    matrix.rows().get(k).setText(axes.rows().get(k));
                }
                if (production) {
                    legend.setVisible(axes.keyed());
                    lettered = axes.keyed();
                    fitClassNames();
                }
            }
            double needed = node.prefWidth(-1);
            double factor = room <= 0 || needed <= 0 ? 1 : Math.max(SMALLEST_SCALE, Math.min(1, room / needed));
            scale.setX(factor);
            scale.setY(factor);
            if (room > 0 && production) {
                sayWhichClassesAreOutOfView(matrix, room / factor);
            }
        };
        node.widthProperty().addListener((obs, was, now) -> fit.run());
        viewportBoundsProperty().addListener((obs, was, now) -> fit.run());
        fit.run();
        return new Group(node);
    }

    /** Names the classes whose columns end past {@code room} (in the matrix's own, unscaled, units). */
    private void sayWhichClassesAreOutOfView(Matrix matrix, double room) {
        List<String> cut = new ArrayList<>();
        for (int k = 0; k < matrix.columns().size(); k++) {
            Label header = matrix.columns().get(k);
            if (header.getParent().getBoundsInParent().getMinX() + header.getBoundsInParent().getMaxX() > room + 0.5) {
                cut.add(matrix.classes().get(k));
            }
        }
        outOfView.setText(cut.isEmpty() ? ""
                : MessageFormat.format(text.getString("confusion.outOfView"), cut.get(0), cut.get(cut.size() - 1),
                        cut.size()));
    }

    /** The scale at which a matrix of the pane's width is last shown; its counts stay readable down to this. */
    double matrixScale(String id) {
        Node matrix = lookup("#" + id);
        return matrix == null ? 1 : ((Scale) matrix.getParent().getTransforms().get(0)).getX();
    }

    void showMessage(String message) {
        shown = null;
        shownReport = null;
        recalls.getChildren().clear();
        recallNames.clear();
        recallsCaption.setText("");
        caption.setText(message);
        outOfView.setText("");
        matrices.getChildren().clear();
        legend.setVisible(false);
        perClass.getChildren().clear();
        rateNames.clear();
    }

    private void showLegend(List<String> classes) {
        legend.setVisible(false);
        Label heading = new Label(text.getString("confusion.legend"));
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        legend.getChildren().setAll(heading);
        for (int k = 0; k < classes.size(); k++) {
            Label line = new Label(ConfusionAxes.legendLine(k, classes.get(k)));
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            legend.getChildren().add(line);
        }
        legend.getChildren().forEach(line -> line.getStyleClass().add("hint"));
    }

    /** White on the blue, near-black on the orange: whichever reads with a contrast of at least 4.5:1. */
    private static String textOn(Color background) {
        double luminance = 0.2126 * linear(background.getRed()) + 0.7152 * linear(background.getGreen())
                + 0.0722 * linear(background.getBlue());
        return luminance < 0.3 ? "white" : "#1f2328";
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** A matrix's node and the headers whose text {@link ConfusionAxes} fits to the pane's width. */
    private record Matrix(VBox node, List<String> classes, List<Label> columns, List<Label> rows,
                          ConfusionAxes.Columns geometry) {
    }

    private Matrix matrix(String title, ConfusionMatrix counts, String hex, String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("confusion-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        List<String> classes = counts.classes();
        boolean compact = classes.size() >= COMPACT_FROM_CLASSES;
        if (compact) {
            grid.setHgap(1);
            grid.setVgap(1);
        }
        // "predicted →" over "true ↓", right of the class names and under the column headers' line: on one line the
        // corner ran into the first column's header ("true ↓ predicted →account")
        Label predictedAxis = new Label(text.getString("confusion.predictedAxis"));
        Label trueAxis = new Label(text.getString("confusion.trueAxis"));
        VBox corner = new VBox(predictedAxis, trueAxis);
        corner.setAlignment(Pos.BOTTOM_LEFT);
        corner.setPadding(new Insets(0, CORNER_GAP, 0, 0));
        for (Label axis : List.of(predictedAxis, trueAxis)) {
            axis.getStyleClass().add("confusion-axis");
            axis.setMinWidth(Region.USE_PREF_SIZE);
        }
        grid.add(corner, 0, 0);
        for (int p = 0; p < classes.size(); p++) {
            Label predicted = new Label(classes.get(p));
            String name = classes.get(p);
            predicted.setOnMouseEntered(e -> hovered.setText(name));
            predicted.getStyleClass().addAll("confusion-axis", "confusion-predicted");
            // A class name is never shortened to "acco…": its column widens instead.
            predicted.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHalignment(predicted, HPos.CENTER);
            GridPane.setValignment(predicted, VPos.TOP);
            if (compact) {
                // the header fills its column, so the cells drawn under it read the column's place from its bounds
                predicted.setMaxWidth(Double.MAX_VALUE);
                predicted.setAlignment(Pos.CENTER);
                predicted.setPadding(new Insets(0, COMPACT_NAME_PADDING, 0, COMPACT_NAME_PADDING));
            }
            grid.add(predicted, p + 1, 0);
        }
        Color base = Palette.fx(hex);
        List<Label> predictedHeaders = grid.getChildren().stream().filter(n -> n.getStyleClass()
                .contains("confusion-predicted")).map(Label.class::cast).toList();
        List<Label> rowHeaders = new ArrayList<>();
        for (int l = 0; l < classes.size(); l++) {
            Label actual = new Label(classes.get(l));
            String name = classes.get(l);
            actual.setOnMouseEntered(e -> hovered.setText(name));
            rowHeaders.add(actual);
            actual.getStyleClass().add("confusion-axis");
            actual.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(actual, 0, l + 1);
        }
        if (compact) {
            CountCanvas cells = new CountCanvas(counts, base, predictedHeaders);
            grid.getColumnConstraints().add(new ColumnConstraints());
            grid.getRowConstraints().add(new RowConstraints());
            for (int l = 0; l < classes.size(); l++) {
                grid.getRowConstraints().add(new RowConstraints(CountCanvas.CELL_HEIGHT, CountCanvas.CELL_HEIGHT,
                        CountCanvas.CELL_HEIGHT));
                ColumnConstraints counted = new ColumnConstraints();
                counted.setMinWidth(COMPACT_CELL_WIDTH);
                grid.getColumnConstraints().add(counted);
            }
            grid.add(cells, 1, 1, classes.size(), classes.size());
        } else {
            for (int l = 0; l < classes.size(); l++) {
                for (int p = 0; p < classes.size(); p++) {
                    grid.add(cell(counts, l, p, base), p + 1, l + 1);
                }
            }
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        VBox matrix = new VBox(6, heading, grid);
        matrix.setId(id + "Matrix");
        ConfusionAxes.Columns geometry = compact
                ? new ConfusionAxes.Columns(COMPACT_CELL_WIDTH, 2 * COMPACT_NAME_PADDING, grid.getHgap(), 0)
                : new ConfusionAxes.Columns(CELL_WIDTH, 0, grid.getHgap(), 0);
        return new Matrix(matrix, classes, predictedHeaders, rowHeaders, geometry);
    }

    /** A count in a cell of its own, for a matrix small enough that a node per cell costs little. */
    private Label cell(ConfusionMatrix counts, int l, int p, Color base) {
        long count = counts.count(l, p);
        double share = share(counts, l, p);
        Label cell = new Label(MetricFormat.count(count));
        cell.getStyleClass().add("confusion-cell");
        cell.setAlignment(Pos.CENTER);
        cell.setMinSize(CELL_WIDTH, 32);
        // Colours set directly, not through setStyle: 50 inline stylesheets to parse would stall the FX thread.
        cell.setBackground(new Background(new BackgroundFill(shade(base, share), new CornerRadii(3), Insets.EMPTY)));
        if (share > DARK_SHADE) {
            cell.setTextFill(Color.web(textOn(base)));
        }
        cell.setOnMouseEntered(e -> hovered.setText(detail(counts, l, p)));
        return cell;
    }

    /** What the hovered line says of a cell: a tooltip per cell costs a window each. */
    private String detail(ConfusionMatrix counts, int l, int p) {
        List<String> classes = counts.classes();
        return MessageFormat.format(text.getString("confusion.cellDetail"), classes.get(l), classes.get(p),
                MetricFormat.count(counts.count(l, p)), String.format(Locale.ROOT, "%.1f", 100 * share(counts, l, p)),
                counts.count(l, p));
    }

    private static double share(ConfusionMatrix counts, int l, int p) {
        long support = counts.support(l);
        return support == 0 ? 0 : (double) counts.count(l, p) / support;
    }

    private static Color shade(Color base, double share) {
        return base.deriveColor(0, 1, 1, 0.08 + 0.85 * share);
    }

    /**
     * The cells of a matrix of {@link #COMPACT_FROM_CLASSES} classes or more, drawn on one canvas under the column
     * headers: a Label per cell made 36 classes' two matrices 2,600 Labels, whose CSS took about 0.6 s of the FX
     * thread on an idle machine and minutes under load.
     */
    private final class CountCanvas extends Canvas {
        static final double CELL_HEIGHT = 24;
        private final ConfusionMatrix counts;
        private final Color base;
        private final List<Label> headers;

        CountCanvas(ConfusionMatrix counts, Color base, List<Label> headers) {
            this.counts = counts;
            this.base = base;
            this.headers = headers;
            setId("confusionCells");
            setHeight(counts.classes().size() * (CELL_HEIGHT + 1) - 1);
            // the columns are as wide as their headers: the cells follow them once laid out; a column that widens
            // or moves moves the last one
            headers.get(headers.size() - 1).boundsInParentProperty().addListener((obs, was, now) -> draw());
            setOnMouseMoved(e -> {
                int l = (int) (e.getY() / (CELL_HEIGHT + 1));
                int p = columnAt(e.getX() + getBoundsInParent().getMinX());
                if (l >= 0 && l < counts.classes().size() && p >= 0) {
                    hovered.setText(detail(counts, l, p));
                }
            });
        }

        private int columnAt(double x) {
            for (int p = 0; p < headers.size(); p++) {
                Bounds column = headers.get(p).getBoundsInParent();
                if (x >= column.getMinX() && x < column.getMaxX() + 1) {
                    return p;
                }
            }
            return -1;
        }

        private void draw() {
            double left = headers.get(0).getBoundsInParent().getMinX();
            double right = headers.get(headers.size() - 1).getBoundsInParent().getMaxX();
            if (right <= left) {
                return;
            }
            setWidth(right - left);
            GraphicsContext g = getGraphicsContext2D();
            g.clearRect(0, 0, getWidth(), getHeight());
            Label anyHeader = headers.get(0);
            g.setFont(anyHeader.getFont());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            Color textOnBase = Color.web(textOn(base));
            for (int l = 0; l < counts.classes().size(); l++) {
                double y = l * (CELL_HEIGHT + 1);
                for (int p = 0; p < headers.size(); p++) {
                    Bounds column = headers.get(p).getBoundsInParent();
                    double share = share(counts, l, p);
                    g.setFill(shade(base, share));
                    g.fillRoundRect(column.getMinX() - left, y, column.getWidth(), CELL_HEIGHT, 6, 6);
                    g.setFill(share > DARK_SHADE ? textOnBase : anyHeader.getTextFill());
                    g.fillText(compactCount(counts.count(l, p)), column.getMinX() - left + column.getWidth() / 2,
                            y + CELL_HEIGHT / 2);
                }
            }
        }
    }

    /** "2.5k" for 2,474 and "12k" for 12,034: the few characters a narrow cell holds; under 1,000 the count itself. */
    static String compactCount(long count) {
        if (count < 1000) {
            return Long.toString(count);
        }
        return count < 9950 ? String.format(Locale.ROOT, "%.1fk", count / 1000.0)
                : Math.round(count / 1000.0) + "k";
    }
}
