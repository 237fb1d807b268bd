package org.verdict.ui.gates;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.verdict.core.pack.ReviewPack;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.shell.PackView;
import org.verdict.ui.suites.EvidencePage;
import org.verdict.ui.suites.EvidencePages;
import org.verdict.ui.suites.EvidenceTable;

/**
 * The evidence behind the gates, one page per suite (Safety, Fairness, Language parity, Latency, Canary, Holdout,
 * Human baseline, Metric history, Retraining triggers, Data validation). A missing suite is said in words.
 * The pages come from the Gates view-model, which computes them once per pack.
 */
public final class EvidenceView implements PackView {
    private static final List<String> PAGES = List.of(EvidencePages.SAFETY, EvidencePages.FAIRNESS,
            EvidencePages.LANGUAGE_PARITY, EvidencePages.LATENCY, EvidencePages.CANARY, EvidencePages.HOLDOUT,
            EvidencePages.HUMAN_BASELINE, EvidencePages.METRIC_HISTORY, EvidencePages.TRIGGERS,
            EvidencePages.DATA_VALIDATION);

    private static final double CHAR_WIDTH = 8.5;
    private static final double MAX_COLUMN_WIDTH = 620;

    private final GatesViewModel model;
    private final ResourceBundle text;
    private final ChartPane chart;
    private final BorderPane root = new BorderPane();
    private final ListView<String> pages = new ListView<>();
    private final VBox content = new VBox(12);
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label missing = new Label();

    /** @param text the gates bundle */
    public EvidenceView(GatesViewModel model, ResourceBundle text, ChartPane chart) {
        this.model = model;
        this.text = text;
        this.chart = chart;
        root.setId("evidenceView");
        root.getStyleClass().add("view");
        pages.setId("evidencePages");
        pages.getItems().setAll(PAGES);
        pages.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String page, boolean empty) {
                super.updateItem(page, empty);
                setText(empty || page == null ? null : text.getString("evidence.page." + page));
            }
        });
        pages.setPrefWidth(190);
        pages.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectEvidence(now);
            }
        });
        title.setId("evidenceTitle");
        title.getStyleClass().add("title-3");
        summary.setId("evidenceSummary");
        summary.setWrapText(true);
        missing.setId("evidenceMissing");
        missing.setWrapText(true);
        missing.getStyleClass().add("warning");
        chart.setId("evidenceChart");
        chart.setMinHeight(320);
        content.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.setLeft(pages);
        root.setCenter(scroll);
        model.selectedEvidenceProperty().addListener((obs, was, now) -> render());
        model.reviewedProperty().addListener((obs, was, now) -> render());
        render();
    }

    private void render() {
        String selected = model.selectedEvidenceProperty().get();
        if (!selected.equals(pages.getSelectionModel().getSelectedItem())) {
            pages.getSelectionModel().select(selected);
        }
        GatesViewModel.Reviewed reviewed = model.reviewedProperty().get();
        title.setText(text.getString("evidence.page." + selected));
        if (reviewed == null) {
            content.getChildren().setAll(title, new Label(text.getString("evidence.nothing")));
            return;
        }
        EvidencePage page = reviewed.pages().stream().filter(p -> p.id().equals(selected)).findFirst().orElseThrow();
        if (!page.isPresent()) {
            missing.setText(text.getString("evidence.missing") + " " + page.missing());
            content.getChildren().setAll(title, missing);
            return;
        }
        summary.setText(page.summary());
        content.getChildren().setAll(title, summary);
        if (page.chart() != null) {
            chart.showChart(page.chart(), 0);
            content.getChildren().add(chart);
        }
        for (EvidenceTable table : page.tables()) {
            Label caption = new Label(table.caption());
            caption.getStyleClass().add("title-4");
            caption.setWrapText(true);
            content.getChildren().addAll(caption, tableView(table));
        }
    }

    private static TableView<List<String>> tableView(EvidenceTable table) {
        TableView<List<String>> view = new TableView<>();
        view.getStyleClass().add("evidence-table");
        for (int c = 0; c < table.columns().size(); c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(table.columns().get(c));
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(index)));
            // wide enough for the longest cell (up to a limit), so numbers and intervals are not cut
            int longest = table.rows().stream().mapToInt(row -> row.get(index).length())
                    .max().orElse(0);
            column.setPrefWidth(Math.min(MAX_COLUMN_WIDTH, 24 + CHAR_WIDTH * Math.max(longest,
                    table.columns().get(index).length())));
            view.getColumns().add(column);
        }
        view.getItems().setAll(table.rows());
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setPrefHeight(Math.min(480, 52 + 40 * Math.max(1, table.rows().size())));
        view.setMinHeight(view.getPrefHeight());
        return view;
    }

    @Override
    public String id() {
        return GatesViewModel.EVIDENCE_VIEW_ID;
    }

    @Override
    public String title() {
        return text.getString("view.evidence");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void showPack(ReviewPack pack) {
        // the Gates view-model computes the evidence when the pack opens; this view follows it
    }
}
