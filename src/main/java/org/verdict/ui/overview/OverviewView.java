package org.verdict.ui.overview;

import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.verdict.ui.overview.OverviewViewModel.VersionRow;
import org.verdict.ui.table.FittedColumns;
import org.verdict.ui.table.WrappingCell;
import org.verdict.ui.theme.Palette;

/** The model under review and the lineage of every version in the pack. */
public final class OverviewView {
    /** The hyperparameters column is never narrower than this; longer lines wrap. */
    private static final double HYPERPARAMETERS_MIN_EMS = 9;
    /** The role's coloured mark and its gap to the text. */
    private static final double ROLE_MARK_EMS = 1.2;

    private final OverviewViewModel model;
    private final ResourceBundle text;
    private final VBox root = new VBox(16);

    public OverviewView(OverviewViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        root.setId("overviewView");
        root.getStyleClass().add("view");
        root.setPadding(new Insets(20));

        Label heading = new Label();
        heading.setId("overviewModelName");
        heading.getStyleClass().add("title-2");
        heading.textProperty().bind(model.modelNameProperty());

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        facts.setHgap(16);
        facts.setVgap(6);
        Label task = addFact(facts, 0, "overview.task", "overviewTask", model.taskProperty());
        addFact(facts, 1, "overview.riskTier", "overviewRiskTier", model.riskTierProperty());
        addFact(facts, 2, "overview.approvers", "overviewApprovers", model.approversProperty());
        addFact(facts, 3, "overview.primaryMetric", "overviewPrimaryMetric", model.primaryMetricProperty());
        Label threshold = addFact(facts, 4, "overview.threshold", "overviewThreshold", model.thresholdProperty());
        // only a binary task has a threshold: the other tasks' Overview has no such line
        facts.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == 4).forEach(n -> {
            n.visibleProperty().bind(threshold.textProperty().isNotEmpty());
            n.managedProperty().bind(threshold.textProperty().isNotEmpty());
        });
        addFact(facts, 5, "overview.verdict", "overviewVerdict", model.verdictProperty());
        addFact(facts, 6, "overview.worseSlices", "overviewWorseSlices", model.worseSlicesProperty());
        addFact(facts, 7, "overview.alsoWorse", "overviewAlsoWorse", model.alsoWorseProperty());

        Label versionsHeading = new Label(text.getString("overview.versions"));
        versionsHeading.getStyleClass().add("title-4");
        TableView<VersionRow> versions = new TableView<>(model.versions());
        versions.setId("overviewVersions");
        // Column widths follow the text size (body text, as in the facts above), so large text widens them.
        FittedColumns<VersionRow> fitted = new FittedColumns<>(versions,
                Bindings.createDoubleBinding(() -> task.getFont().getSize(), task.fontProperty()), false);
        versions.getColumns().add(column("overview.col.version", VersionRow::version, fitted));
        TableColumn<VersionRow, String> role = new TableColumn<>(text.getString("overview.col.role"));
        role.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().role()));
        fitted.fit(role, VersionRow::role, ROLE_MARK_EMS);
        role.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // The same colour as the model's marks in every chart: production blue, candidate orange.
                setGraphic(empty || item == null ? null
                        : new Circle(5, Palette.fx(item.equals("production") ? Palette.PRODUCTION : Palette.CANDIDATE)));
            }
        });
        versions.getColumns().add(role);
        versions.getColumns().add(column("overview.col.dataSnapshot", VersionRow::dataSnapshot, fitted));
        versions.getColumns().add(column("overview.col.codeVersion", VersionRow::codeVersion, fitted));
        versions.getColumns().add(column("overview.col.trainedAt", VersionRow::trainedAt, fitted));
        TableColumn<VersionRow, String> hyperparameters = new TableColumn<>(
                text.getString("overview.col.hyperparameters"));
        hyperparameters.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().hyperparameters()));
        // One "name = value" a line, wrapped where a value is long; the column takes the room the others leave.
        fitted.flexible(hyperparameters, HYPERPARAMETERS_MIN_EMS);
        hyperparameters.setCellFactory(WrappingCell::new);
        versions.getColumns().add(hyperparameters);
        VBox.setVgrow(versions, Priority.ALWAYS);
        root.getChildren().addAll(heading, facts, versionsHeading, versions);
    }

    private Label addFact(GridPane grid, int row, String labelKey, String valueId, ReadOnlyStringProperty value) {
        Label label = new Label(text.getString(labelKey));
        label.getStyleClass().add("fact-label");
        // The value wraps; the name beside it never shrinks to "Who must…" to make room for it.
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId(valueId);
        shown.setWrapText(true);
        // the grid sizes its rows for a wider column than it lays out: without this the verdict's third line in
        // large text was cut to "…lack it onl…" instead of wrapping
        shown.setMinHeight(Region.USE_PREF_SIZE);
        shown.textProperty().bind(value);
        grid.addRow(row, label, shown);
        return shown;
    }

    /** A column as wide as its widest text. */
    private TableColumn<VersionRow, String> column(String key, Function<VersionRow, String> value,
                                                   FittedColumns<VersionRow> fitted) {
        TableColumn<VersionRow, String> column = new TableColumn<>(text.getString(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        fitted.fit(column, value);
        return column;
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }
}
