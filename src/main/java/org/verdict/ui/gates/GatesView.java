package org.verdict.ui.gates;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.ui.table.FittedColumns;
import org.verdict.ui.table.WrappingCell;

/**
 * The promotion checklist under its verdict (one short bold line, the counts of each outcome, then the gates named):
 * every gate with an icon and its outcome in words (never colour alone), the deciding numbers, a link to its
 * evidence, then who must approve, what the pack lacks, and the retraining triggers. Judge again is offered when
 * judging was cancelled or failed.
 */
public final class GatesView {
    private static final String[] OUTCOME_CLASSES = {"gate-pass", "gate-fail", "gate-insufficient-evidence",
        "gate-not-applicable"};

    private final GatesViewModel model;
    private final ResourceBundle text;
    /** The share of the view's height the gate table keeps; what follows it is reached by scrolling. */
    static final double TABLE_SHARE_OF_VIEW = 0.7;
    /** The worse slices listed at once; more scroll inside the list. */
    static final int WORSE_SLICES_SHOWN = 6;
    /** A gate's name breaks into lines of about this many characters before it widens its column. */
    private static final int GATE_LINE_CHARS = 22;
    /** The reasons' least width: they take every pixel the other columns leave, and wrap. */
    private static final double WHY_MIN_EMS = 16;
    /** A link's focus border beside its words (the theme gives a link no padding of its own). */
    private static final double HYPERLINK_PADDING_EMS = 0.2;

    private final VBox root = new VBox(12);
    private final ScrollPane page = new ScrollPane(root);

    public GatesView(GatesViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        root.setId("gatesView");
        root.getStylesheets().add(GatesView.class.getResource("gates.css").toExternalForm());
        root.getStyleClass().add("view");
        root.setPadding(new Insets(20));

        Label headline = label("gatesHeadline", "title-3");
        headline.textProperty().bind(model.headlineProperty());
        Label counts = shownWhenSet(label("gatesCounts", "title-4"), model.countsProperty());
        Label details = shownWhenSet(label("gatesDetails", null), model.detailsProperty());
        Button judgeAgain = new Button(text.getString("gates.judgeAgain"));
        judgeAgain.setId("gatesJudgeAgain");
        judgeAgain.setOnAction(e -> model.judgeAgain());
        judgeAgain.visibleProperty().bind(model.canJudgeAgainProperty());
        judgeAgain.managedProperty().bind(judgeAgain.visibleProperty());
        Label notice = label("gatesNotice", "danger");
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());

        Label approval = label("gatesApproval", null);
        // the columns are measured at the body text's size, so large text (projector) widens them instead of cutting
        DoubleBinding em = Bindings.createDoubleBinding(() -> approval.getFont().getSize(), approval.fontProperty());
        TableView<GateRow> table = new WholeRowsTable(model.rows());
        table.setId("gatesTable");
        Label placeholder = new Label();
        placeholder.setId("gatesTablePlaceholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.tablePlaceholderProperty());
        table.setPlaceholder(placeholder);
        // The outcome, the gate and the link as wide as their words, the reasons all the rest: with fixed shares
        // (14, 15, 40 and 13 ems) a Why of Fairness took six lines at 1366×768 beside a third of the table left blank
        // in the Outcome and Gate columns. A narrow window (large text) wraps the gate's name, down to its longest word.
        FittedColumns<GateRow> fitted = new FittedColumns<>(table, em, false);
        TableColumn<GateRow, GateRow> outcome = new TableColumn<>(text.getString("gates.col.outcome"));
        outcome.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        outcome.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(GateRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(OUTCOME_CLASSES);
                setText(empty || row == null ? null : outcomeText(row));
                if (!empty && row != null) {
                    getStyleClass().add(row.styleClass());
                }
            }
        });
        fitted.fit(outcome, GatesView::outcomeText);
        // gates.css sets a failing outcome in bold
        fitted.boldIn(outcome, row -> row.outcome() == GateOutcome.FAIL);
        table.getColumns().add(outcome);
        TableColumn<GateRow, String> gate = textColumn("gates.col.gate", GateRow::title);
        gate.setCellFactory(WrappingCell::new);
        // a long name ("Volume per class, language and segment") takes two lines rather than the reasons' room
        fitted.fit(gate, row -> WrappingCell.lines(row.title(), GATE_LINE_CHARS));
        fitted.wrapWhenNarrow(gate);
        table.getColumns().add(gate);
        TableColumn<GateRow, String> why = textColumn("gates.col.why", GateRow::summary);
        why.setCellFactory(WrappingCell::new);
        fitted.flexible(why, WHY_MIN_EMS);
        table.getColumns().add(why);
        TableColumn<GateRow, GateRow> evidence = new TableColumn<>(text.getString("gates.col.evidence"));
        evidence.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        evidence.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(GateRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(evidenceLink(row));
                link.setId("evidence-" + row.gate().wireName());
                link.setOnAction(e -> model.openEvidence(row));
                setGraphic(link);
            }
        });
        fitted.fit(evidence, GatesView::evidenceLink, HYPERLINK_PADDING_EMS);
        table.getColumns().add(evidence);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(GateRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(OUTCOME_CLASSES);
                if (!empty && row != null) {
                    getStyleClass().add(row.styleClass());
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label worseHeading = label("gatesWorseSlicesHeading", "title-4");
        worseHeading.textProperty().bind(model.worseSlicesHeadingProperty());
        ListView<String> worse = new ListView<>(model.worseSlices());
        worse.setId("gatesWorseSlices");
        worse.setCellFactory(list -> new WorseSliceCell());
        // One line per slice at a fixed height, so the list is exactly as tall as the rows it shows: every slice up
        // to WORSE_SLICES_SHOWN, then it scrolls, and the checklist above stays the page's main part. Its minimum is
        // that height too: the table, which grows and keeps most of the view, would otherwise squeeze it to nothing.
        worse.fixedCellSizeProperty().bind(Bindings.createDoubleBinding(() -> Math.ceil(2 * em.get()), em));
        worse.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(WORSE_SLICES_SHOWN, model.worseSlices().size()) * worse.getFixedCellSize()
                        + worse.getInsets().getTop() + worse.getInsets().getBottom(),
                model.worseSlices(), worse.fixedCellSizeProperty(), worse.insetsProperty()));
        worse.setMinHeight(Region.USE_PREF_SIZE);
        worse.setMaxHeight(Region.USE_PREF_SIZE);
        worse.visibleProperty().bind(Bindings.isNotEmpty(model.worseSlices()));
        // for a decision's note or a message to the team: the heading and the chosen lines (all when none is chosen)
        worse.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        Runnable copyWorse = () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.worseSlicesText(worse.getSelectionModel().getSelectedItems()));
            Clipboard.getSystemClipboard().setContent(content);
        };
        MenuItem copy = new MenuItem(text.getString("gates.worseSlices.copy"));
        copy.setAccelerator(copyKey);
        copy.setOnAction(e -> copyWorse.run());
        worse.setContextMenu(new ContextMenu(copy));
        worse.setOnKeyPressed(e -> {
            if (copyKey.match(e)) {
                copyWorse.run();
                e.consume();
            }
        });
        worse.managedProperty().bind(worse.visibleProperty());

        // what no gate judges but the board should read before approving: a warning in the colour of "worse"
        Label alsoWorse = label("gatesAlsoWorse", null);
        alsoWorse.textProperty().bind(model.alsoWorseProperty());
        alsoWorse.visibleProperty().bind(model.alsoWorseProperty().isNotEmpty());
        alsoWorse.managedProperty().bind(alsoWorse.visibleProperty());
        // a newly judged pack (or candidate) starts at its headline: the previous pack's scroll position hid it
        model.reviewedProperty().addListener((obs, was, now) -> page.setVvalue(0));
        model.anyAlsoWorseProperty().addListener((obs, was, any) -> {
            alsoWorse.getStyleClass().remove("verdict-worse");
            if (any) {
                alsoWorse.getStyleClass().add("verdict-worse");
            }
        });

        Label approvalHeading = new Label(text.getString("gates.approval"));
        approvalHeading.getStyleClass().add("title-4");
        approval.textProperty().bind(model.approvalProperty());
        Label missing = label("gatesMissing", null);
        missing.textProperty().bind(model.missingProperty());
        Label triggers = label("gatesTriggers", null);
        triggers.textProperty().bind(model.triggersProperty());
        // the verdict, its counts and the names behind them read as one block above the checklist
        VBox verdict = new VBox(4, headline, counts, details);
        root.getChildren().addAll(verdict, judgeAgain, notice, table, worseHeading, worse, alsoWorse,
                approvalHeading, approval, missing,
                triggers);
        // The checklist is as tall as its rows and keeps at least most of the view whatever the text size (a
        // projector's large text made the approval and triggers below push it down to three gates): the page
        // scrolls to what follows it.
        table.minHeightProperty().bind(Bindings.max(page.heightProperty().multiply(TABLE_SHARE_OF_VIEW),
                table.prefHeightProperty()));
        // the table never scrolls itself, so the page follows the row a keyboard user moves to
        table.getFocusModel().focusedIndexProperty().addListener((obs, was, now) -> {
            if (table.isFocused()) {
                Platform.runLater(() -> table.lookupAll(".table-row-cell").stream()
                        .filter(row -> row instanceof TableRow<?> tableRow && tableRow.getIndex() == now.intValue())
                        .findFirst().ifPresent(this::showInPage));
            }
        });
        page.setId("gatesPage");
        page.getStyleClass().add("edge-to-edge");
        page.setFitToWidth(true);
        page.setFitToHeight(true);
    }

    /** Scrolls the page as little as needed for the node to be in view. */
    private void showInPage(Node node) {
        Bounds bounds = root.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double viewport = page.getViewportBounds().getHeight();
        double hidden = root.getHeight() - viewport;
        if (hidden <= 0) {
            return;
        }
        double top = page.getVvalue() * hidden;
        if (bounds.getMinY() < top) {
            top = bounds.getMinY();
        } else if (bounds.getMaxY() > top + viewport) {
            top = Math.min(bounds.getMinY(), bounds.getMaxY() - viewport);
        }
        page.setVvalue(top / hidden);
    }

    /** The label shows the text and takes room only while there is one. */
    private static Label shownWhenSet(Label label, ObservableValue<String> shown) {
        label.textProperty().bind(shown);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        // The table gives way first: a long headline or approval takes more lines rather than ending in "…".
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    /** An outcome as its cell shows it: the glyph that reads without colour, then the word. */
    private static String outcomeText(GateRow row) {
        return row.glyph() + " " + row.outcomeText();
    }

    private static String evidenceLink(GateRow row) {
        return row.evidence() + " →";
    }

    private TableColumn<GateRow, String> textColumn(String key, Function<GateRow, String> value) {
        TableColumn<GateRow, String> column = new TableColumn<>(text.getString(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /**
     * The checklist, as tall as all its rows: the page scrolls, not the table, so no gate is read through a second
     * scroll bar inside the page, cut at the table's edge (in large text the Language parity reason ended mid-line
     * there). Rows wrap to their text, so their heights are known only once laid out: the table grows until every
     * row is laid out, then fits them, before the frame is drawn.
     */
    private static final class WholeRowsTable extends TableView<GateRow> {
        /** Keeps the table's own scroll bar away when the rows fit to the pixel. */
        private static final double SLACK = 2;
        /**
         * Layouts of the scene one frame may take to fit the rows: each measures the rows laid out in the height the
         * table had (twelve long gates in 70% of a laptop's view take two, the second finding them all).
         */
        private static final int FITTING_LAYOUTS = 4;

        private final Runnable fitBeforeDrawing = this::fitBeforeDrawing;
        /** The scene whose layout pass is to be followed by measuring the rows; null while none is. */
        private Scene fittingIn;
        private boolean fitting;

        WholeRowsTable(ObservableList<GateRow> rows) {
            super(rows);
        }

        /**
         * The rows are laid out after this, as the layout pass goes on into the table's skin: they are measured when
         * the pass is over. Fitted in a later event instead, that pulse's frame was drawn first, twelve gates cut at
         * 70% of the view beside the table's own scroll bar.
         */
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            Scene scene = getScene();
            if (!fitting && scene != null && fittingIn != scene) {
                if (fittingIn != null) {
                    fittingIn.removePostLayoutPulseListener(fitBeforeDrawing);
                }
                fittingIn = scene;
                scene.addPostLayoutPulseListener(fitBeforeDrawing);
            }
        }

        /** Gives the table the height of its rows and lays the scene out again, until it has it, before drawing. */
        private void fitBeforeDrawing() {
            Scene scene = fittingIn;
            scene.removePostLayoutPulseListener(fitBeforeDrawing);
            fittingIn = null;
            fitting = true;
            try {
                for (int layouts = 0; getScene() == scene; layouts++) {
                    double wanted = rowsHeight();
                    if (Math.abs(wanted - getPrefHeight()) <= 0.5) {
                        return;
                    }
                    setPrefHeight(wanted);
                    if (layouts == FITTING_LAYOUTS) {
                        // still growing: the next pulse's layout, which the new height asks for, goes on
                        return;
                    }
                    scene.getRoot().layout();
                }
            } finally {
                fitting = false;
            }
        }

        /**
         * The height the rows need, as laid out: while some are not (the table was shorter than they are), the table's
         * height plus as many more rows of the laid-out ones' mean height.
         */
        private double rowsHeight() {
            int count = getItems().size();
            if (count == 0) {
                return USE_COMPUTED_SIZE;
            }
            double rowsHeight = 0;
            int laidOut = 0;
            for (Node node : lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0
                        && row.getIndex() < count) {
                    rowsHeight += row.getHeight();
                    laidOut++;
                }
            }
            if (laidOut == 0) {
                return getPrefHeight();
            }
            Node header = lookup(".column-header-background");
            return laidOut < count
                    ? getHeight() + (count - laidOut) * rowsHeight / laidOut
                    : rowsHeight + (header == null ? 0 : header.getLayoutBounds().getHeight()) + snappedTopInset()
                            + snappedBottomInset() + SLACK;
        }
    }

    /**
     * One worse slice, marked ▼ as the Compare table and the command line mark it: its line never asks for more than the list's width (no sideways scroll bar to hide a row); a
     * line too long for a narrow window ends in "…" and its tooltip holds it whole.
     */
    private static final class WorseSliceCell extends ListCell<String> {
        private final Tooltip whole = new Tooltip();

        WorseSliceCell() {
            setPrefWidth(0);
            whole.textProperty().bind(textProperty());
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : GatesViewModel.WORSE_MARK + line);
            setTooltip(empty ? null : whole);
        }
    }

    /** The screen's root node. */
    public Node node() {
        return page;
    }
}
