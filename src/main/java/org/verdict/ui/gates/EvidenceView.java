package org.verdict.ui.gates;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.core.report.LineBreaks;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.table.FittedColumns;
import org.verdict.ui.table.WholeRows;
import org.verdict.ui.table.WrappingCell;
import org.verdict.ui.task.BackgroundExecutor;

/**
 * The evidence behind the gates, one page per suite (Safety, Fairness, Language parity, Latency, Canary, Holdout,
 * Human baseline, Metric history, Retraining triggers, Data validation). A missing suite is said in words.
 * It renders the core's evidence model (the Gates view-model computes it once per pack): the same sections, tables
 * and charts as the approval pack.
 */
public final class EvidenceView {
    /** Tables grow with the page but always show at least this many rows before they scroll. */
    private static final int MIN_VISIBLE_ROWS = 6;
    /** AtlantaFX's text tones: evidence the board must add, and a gate set aside as not applicable. */
    private static final String WARNING = "warning";
    private static final String NEUTRAL = "text-muted";
    /** Narrower than this (in ems), the list of pages gives its width to the page and a drop-down picks the page. */
    private static final double LIST_BESIDE_MIN_EMS = 75;
    private static final int ONE_LINE_HEADER_CHARS = 8;
    private static final int HEADER_LINE_CHARS = 16;
    /** Narrower than this (in ems of the text size), two charts side by side cut their axis titles and crowd rows. */
    private static final double MIN_CHART_WIDTH_EMS = 38;

    private final GatesViewModel model;
    private final ResourceBundle text;
    private final EvidenceCharts chartRenderer;
    private final Supplier<ChartPane> newChartPane;
    private final BackgroundExecutor executor;
    /** Counts the pages rendered: charts built for an earlier one are dropped when they arrive. */
    private long renders;
    /** Chart panes are kept and reused from page to page: each one listens to the theme for the app's life. */
    private final List<ChartPane> chartPanes = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private final ListView<EvidencePageId> pages = new ListView<>();
    private final ComboBox<EvidencePageId> pagePicker = new ComboBox<>();
    private final VBox content = new VBox(12);
    private final GridPane chartGrid = new GridPane();
    /** How many charts a row the grid shows now; 0 before they are arranged. */
    private int chartColumns;
    /** A rebuild in the new font is queued, to run once CSS has finished restyling the page. */
    private boolean refitPending;
    /** The page, fitted to the view's height: its tables take the height left. */
    private final ScrollPane scroll;
    /** The summary's font when the page was last built: a queued rebuild is skipped if one since used the new font. */
    private Font builtInFont;
    /**
     * The page changed (another pack, page or judgement) while the view was not on screen: it is drawn when the view is
     * shown, not before. Building a page's charts takes the FX thread for a while, which opening a pack while another
     * view is on screen should not pay for.
     */
    private boolean renderWhenShown;
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label missing = new Label();

    /**
     * @param text the gates bundle
     * @param chartRenderer draws the model's charts, as the approval pack does
     * @param newChartPane makes one more chart pane, when a page shows more charts (small multiples) than so far
     * @param executor builds a page's JFreeChart objects off the FX thread
     */
    public EvidenceView(GatesViewModel model, ResourceBundle text, EvidenceCharts chartRenderer,
                        Supplier<ChartPane> newChartPane, BackgroundExecutor executor) {
        this.model = model;
        this.text = text;
        this.chartRenderer = chartRenderer;
        this.newChartPane = newChartPane;
        this.executor = executor;
        root.setId("evidenceView");
        root.getStylesheets().add(EvidenceView.class.getResource("gates.css").toExternalForm());
        root.getStyleClass().add("view");
        pages.setId("evidencePages");
        pages.getItems().setAll(EvidencePageId.evidenceViewPages());
        pages.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(EvidencePageId page, boolean empty) {
                super.updateItem(page, empty);
                setText(empty || page == null ? null : text.getString("evidence.page." + page.id()));
            }
        });
        pages.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectEvidence(now);
            }
        });
        pagePicker.setId("evidencePagePicker");
        pagePicker.getItems().setAll(pages.getItems());
        pagePicker.setCellFactory(pages.getCellFactory());
        pagePicker.setButtonCell(pages.getCellFactory().call(null));
        pagePicker.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectEvidence(now);
            }
        });
        title.setId("evidenceTitle");
        title.getStyleClass().add("title-3");
        summary.setId("evidenceSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        missing.setId("evidenceMissing");
        missing.setWrapText(true);
        missing.setMinHeight(Region.USE_PREF_SIZE);
        chartGrid.setId("evidenceCharts");
        chartGrid.setHgap(12);
        chartGrid.setVgap(12);
        content.widthProperty().addListener((obs, was, now) -> arrangeCharts());
        content.setId("evidenceContent");
        content.setPadding(new Insets(20));
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // the page fills the window: tables take the height left, and scroll only below their minimum
        scroll.setFitToHeight(true);
        root.setLeft(pages);
        root.setCenter(scroll);
        root.widthProperty().addListener((obs, was, now) -> placePagePicker());
        // a page opens at its title, and a newly judged pack's pages too: the previous pack's scroll position hid them
        model.selectedEvidenceProperty().addListener((obs, was, now) -> {
            scroll.setVvalue(0);
            render();
        });
        model.reviewedProperty().addListener((obs, was, now) -> {
            scroll.setVvalue(0);
            render();
        });
        // a new pack clears the previous one's pages at once; meanwhile the page says what is under way (a pack
        // loading, its gates being judged) or why there is nothing (judging cancelled or failed)
        model.evidencePlaceholderProperty().addListener((obs, was, now) -> {
            if (model.reviewedProperty().get() == null) {
                render();
            }
        });
        // the summary follows the theme's text size (large text): columns are measured again in its font
        summary.fontProperty().addListener((obs, was, now) -> refitAfterRestyle());
        // the main window puts a view in its scene when it is shown and takes it out when another is
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null && renderWhenShown) {
                render();
            }
        });
        render();
    }

    /**
     * The font changes while CSS is still walking the page's nodes (turning large text off puts the normal font back
     * in the middle of that walk): replacing the page's children then would pull nodes from under the walk, so the
     * page is rebuilt in its new font just after it, once however many of its labels changed font.
     */
    private void refitAfterRestyle() {
        if (refitPending) {
            return;
        }
        refitPending = true;
        Platform.runLater(() -> {
            refitPending = false;
            placePagePicker();
            if (!summary.getFont().equals(builtInFont)) {
                render();
            }
        });
    }

    /**
     * The list of pages beside the page while the view is {@link #LIST_BESIDE_MIN_EMS} wide; narrower (large text on a
     * laptop) a drop-down over the page's title instead, which leaves the page's charts and tables the whole width.
     */
    private void placePagePicker() {
        boolean narrow = root.getWidth() > 0
                && root.getWidth() < LIST_BESIDE_MIN_EMS * summary.getFont().getSize();
        if (narrow == (root.getLeft() == null)) {
            return;
        }
        root.setLeft(narrow ? null : pages);
        if (narrow) {
            content.getChildren().add(0, pagePicker);
        } else {
            content.getChildren().remove(pagePicker);
        }
    }

    /** The page's heading: its title and summary, under the page picker when the list of pages is not beside it. */
    private List<Node> heading() {
        return root.getLeft() == null ? List.of(pagePicker, title, summary) : List.of(title, summary);
    }

    private void render() {
        if (root.getScene() == null) {
            renderWhenShown = true;
            return;
        }
        renderWhenShown = false;
        long render = ++renders;
        builtInFont = summary.getFont();
        EvidencePageId selected = model.selectedEvidenceProperty().get();
        if (selected != pages.getSelectionModel().getSelectedItem()) {
            pages.getSelectionModel().select(selected);
        }
        if (selected != pagePicker.getValue()) {
            pagePicker.setValue(selected);
        }
        GatesViewModel.Reviewed reviewed = model.reviewedProperty().get();
        title.setText(text.getString("evidence.page." + selected.id()));
        if (reviewed == null) {
            summary.setText(model.evidencePlaceholderProperty().get());
            content.getChildren().setAll(heading());
            return;
        }
        EvidencePage page = EvidencePage.of(reviewed.evidence().page(selected), text);
        summary.setText(page.summary());
        content.getChildren().setAll(heading());
        if (!page.missing().isEmpty()) {
            missing.setText(page.missing());
            missing.getStyleClass().removeAll(WARNING, NEUTRAL);
            missing.getStyleClass().add(page.warning() ? WARNING : NEUTRAL);
            content.getChildren().add(missing);
            return;
        }
        List<EvidenceSection> present = page.present();
        // what the gate judged first, then the data behind it
        List<EvidenceChart> charts = present.stream().flatMap(section -> Stream.concat(section.charts().stream(),
                section.detailCharts().stream())).toList();
        if (!charts.isEmpty()) {
            // the charts take their place above the tables when built: their JFreeChart objects are made off the FX
            // thread (the first page shown took 0.2–0.4 s of it, later ones up to 50 ms on a busy machine)
            chartGrid.getChildren().clear();
            content.getChildren().add(chartGrid);
            EvidenceCharts.ModelNames names = EvidenceCharts.ModelNames.withVersions(
                    reviewed.review().evidence().production(), reviewed.review().evidence().candidate());
            executor.run(progress -> charts.stream().map(chart -> {
                        JFreeChart built = chartRenderer.build(chart, names);
                        qualifierBelowTitle(built);
                        return built;
                    }).toList())
                    .onSuccess(built -> {
                        if (render == renders) {
                            showCharts(charts, built);
                        }
                    })
                    .start();
        }
        double em = summary.getFont().getSize();
        for (EvidenceTable table : present.stream().flatMap(section -> section.tables().stream()).toList()) {
            Label caption = new Label(table.caption());
            caption.getStyleClass().add("title-4");
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
            FittedTable fitted = tableView(table, em);
            Label hidden = new Label();
            hidden.getStyleClass().add("evidence-hidden-columns");
            hidden.textProperty().bind(Bindings.createStringBinding(() -> fitted.hiddenForRoom().isEmpty() ? ""
                    : MessageFormat.format(text.getString("evidence.hiddenForRoom"), fitted.hiddenForRoom().stream()
                            .map(TableColumn::getText).collect(Collectors.joining(", "))),
                    fitted.hiddenForRoom()));
            hidden.managedProperty().bind(hidden.textProperty().isNotEmpty());
            hidden.visibleProperty().bind(hidden.managedProperty());
            VBox.setVgrow(fitted.view(), Priority.ALWAYS);
            // a table the page's height cuts ends under its last whole row and says which rows are in view
            Label rowsInView = new Label();
            rowsInView.getStyleClass().add("evidence-rows-in-view");
            WholeRows whole = WholeRows.keep(fitted.view(), scroll.viewportBoundsProperty(),
                    rowsInView.managedProperty());
            rowsInView.textProperty().bind(Bindings.createStringBinding(() -> rowsInViewText(whole.inView().get()),
                    whole.inView()));
            rowsInView.managedProperty().bind(rowsInView.textProperty().isNotEmpty());
            rowsInView.visibleProperty().bind(rowsInView.managedProperty());
            content.getChildren().addAll(caption, hidden, fitted.view(), rowsInView);
            for (String note : table.notes()) {
                Label shared = new Label(note);
                shared.setWrapText(true);
                shared.setMinHeight(Region.USE_PREF_SIZE);
                content.getChildren().add(shared);
            }
        }
    }

    /**
     * One chart full width; several two a row when each would still be {@link #MIN_CHART_WIDTH_EMS} wide, else one
     * under the other (large text on a laptop), each as tall as its titles, rows and legend need at its width, so
     * every row keeps its label and no axis title is cut. The legends name both models with their versions, which the
     * approval pack states once in its summary.
     */
    private void showCharts(List<EvidenceChart> charts, List<JFreeChart> built) {
        while (chartPanes.size() < charts.size()) {
            chartPanes.add(newChartPane.get());
        }
        chartGrid.getChildren().clear();
        for (int i = 0; i < charts.size(); i++) {
            ChartPane pane = chartPanes.get(i);
            pane.setId(i == 0 ? "evidenceChart" : "evidenceChart" + i);
            pane.showChartFitted(built.get(i), EvidenceCharts.plotHeightOf(charts.get(i)));
            chartGrid.getChildren().add(pane);
        }
        chartColumns = 0;
        arrangeCharts();
    }

    /** Two charts a row when both are at least {@link #MIN_CHART_WIDTH_EMS} wide, else one. */
    private void arrangeCharts() {
        List<Node> panes = List.copyOf(chartGrid.getChildren());
        double room = content.getWidth() - content.getPadding().getLeft() - content.getPadding().getRight();
        int columns = panes.size() > 1
                && room >= 2 * MIN_CHART_WIDTH_EMS * summary.getFont().getSize() + chartGrid.getHgap() ? 2 : 1;
        if (columns == chartColumns || panes.isEmpty()) {
            return;
        }
        chartColumns = columns;
        chartGrid.getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            chartGrid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < panes.size(); i++) {
            GridPane.setConstraints(panes.get(i), i % columns, i / columns);
        }
    }

    /**
     * The approval pack's titles carry their method in parentheses ("Disparity ratios over gender (95% bootstrap
     * intervals of a largest gap, …)"): here the title keeps its first words in bold and the parenthesis goes under
     * it in regular text, so a title takes a line or two instead of six.
     */
    static void qualifierBelowTitle(JFreeChart chart) {
        String title = chart.getTitle() == null ? null : chart.getTitle().getText();
        if (title == null || !title.endsWith(")")) {
            return;
        }
        int depth = 0;
        for (int i = title.length() - 1; i > 0; i--) {
            char c = title.charAt(i);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0) {
                if (title.charAt(i - 1) == ' ') {
                    chart.getTitle().setText(title.substring(0, i - 1));
                    TextTitle qualifier = new TextTitle(title.substring(i + 1, title.length() - 1));
                    qualifier.setPosition(RectangleEdge.TOP);
                    chart.addSubtitle(0, qualifier);
                }
                return;
            }
        }
    }

    /**
     * A table whose columns are as wide as their longest cell in the current font while the page has room; when it
     * has not (large text on a laptop, a long detail), the column with the longest text narrows first, down to its
     * longest word, then the others in proportion to what they can give, and their cells wrap, and the adjusted p-values go (the ⋮ menu shows them again), before the table scrolls
     * sideways. An interval is one word: it goes under its value whole ("0.832" / "[0.826, 0.838]"), never broken
     * after its comma. At least {@link #MIN_VISIBLE_ROWS} rows tall, growing into the page's free height.
     */
    static FittedTable tableView(EvidenceTable table, double em) {
        TableView<List<Cell>> view = new TableView<>();
        view.getStyleClass().add("evidence-table");
        view.setTableMenuButtonVisible(true);
        FittedColumns<List<Cell>> widths = new FittedColumns<>(view, new SimpleDoubleProperty(em), false);
        int longest = columnWithLongestText(table);
        for (int c = 0; c < table.headers().size(); c++) {
            int index = c;
            TableColumn<List<Cell>, String> column = new TableColumn<>(headerLines(table.headers().get(c)));
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index).text()));
            column.setCellFactory(shown -> new ToneCell(shown, index));
            widths.fit(column, row -> wrappable(row.get(index).text()));
            if (c == longest) {
                widths.wrapWhenNarrow(column);
            } else {
                widths.wrapLastWhenNarrow(column);
            }
            if (table.headers().get(c).equals(EvidenceTable.ADJUSTED_P)) {
                widths.yieldWhenNarrow(column);
            }
            view.getColumns().add(column);
        }
        view.getItems().setAll(table.rows());
        double rowHeight = Math.ceil(em * 2.75);
        double chrome = Math.ceil(em * 4.2) + rowHeight; // a header of two lines and a horizontal scroll bar
        int rows = Math.max(1, table.rows().size());
        view.setMinHeight(chrome + rowHeight * Math.min(rows, MIN_VISIBLE_ROWS));
        view.setPrefHeight(chrome + rowHeight * rows);
        return new FittedTable(view, widths.hiddenForRoom());
    }

    /**
     * The column whose longest cell is the longest (a check's detail): it wraps first, so the short columns beside it
     * (a gate, the class it checked, the outcome) keep the width of their longest value rather than break
     * "class=icd-" / "29-pulmo" while the detail has room to spare.
     */
    static int columnWithLongestText(EvidenceTable table) {
        int longest = 0;
        int longestChars = -1;
        for (int c = 0; c < table.headers().size(); c++) {
            int index = c;
            int chars = table.rows().stream().mapToInt(row -> row.get(index).text().length()).max().orElse(0);
            if (chars > longestChars) {
                longest = c;
                longestChars = chars;
            }
        }
        return longest;
    }

    /** "Rows 1–6 of 140 in view: the table scrolls." for a table that holds more than it shows; else empty. */
    private String rowsInViewText(WholeRows.InView inView) {
        return inView.all() || inView.last() == 0 ? "" : MessageFormat.format(text.getString("evidence.rowsInView"),
                inView.first(), inView.last(), inView.total());
    }

    /** An evidence table and the columns it hides while the page is too narrow for them, for the page to say so. */
    record FittedTable(TableView<List<Cell>> view, ObservableList<TableColumn<List<Cell>, ?>> hiddenForRoom) {
    }

    /**
     * A header longer than {@link #ONE_LINE_HEADER_CHARS} breaks between words into lines of about half its length,
     * at most {@link #HEADER_LINE_CHARS} ("Adjusted" / "p", "Only candidate /" / "only production" / "violates"):
     * the column is measured at its widest line, so it narrows to its cells and an eight-column table fits a laptop
     * in large text.
     */
    static String headerLines(String header) {
        if (header.length() <= ONE_LINE_HEADER_CHARS) {
            return header;
        }
        return WrappingCell.lines(header, Math.min((header.length() + 1) / 2, HEADER_LINE_CHARS));
    }

    /** The text as a cell shows it, by {@link LineBreaks#keepIntervalsWhole}. */
    static String wrappable(String text) {
        return LineBreaks.keepIntervalsWhole(text);
    }

    /**
     * A cell whose text wraps at its column's width, in its tone's colour: the marks and words (▼ worse, ✘ fail)
     * carry the meaning, colour only adds.
     */
    private static final class ToneCell extends WrappingCell<List<Cell>> {
        private static final List<String> TONE_CLASSES = Arrays.stream(Tone.values()).map(ToneCell::styleClass)
                .toList();
        private final int column;

        ToneCell(TableColumn<List<Cell>, String> shown, int column) {
            super(shown);
            this.column = column;
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value == null ? null : wrappable(value), empty);
            getStyleClass().removeAll(TONE_CLASSES);
            if (!empty && getIndex() >= 0 && getIndex() < getTableView().getItems().size()) {
                getStyleClass().add(styleClass(getTableView().getItems().get(getIndex()).get(column).tone()));
            }
        }

        /** e.g. {@code tone-no-difference}, styled in gates.css. */
        static String styleClass(Tone tone) {
            return "tone-" + tone.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }
}
