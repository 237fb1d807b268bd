package org.verdict.ui.decision;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.TriggerEvidence;

/**
 * The Decision dialog: what the pack says (versions, gate table, triggers, evidence hashes) above what the person
 * decides (decision, rationale, approvers, dates), then the log, the key and the passphrase to sign with. A thin
 * view over {@link DecisionViewModel}; {@link #showModal} opens it over the main window.
 */
public final class DecisionDialog {
    private final DecisionViewModel model;
    private final ResourceBundle text;
    private final VBox root = new VBox(12);

    public DecisionDialog(DecisionViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        root.setId("decisionDialog");
        root.setPadding(new Insets(16));
        Label status = new Label();
        status.setId("decisionStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label missing = new Label();
        missing.setId("decisionMissing");
        missing.setWrapText(true);
        missing.textProperty().bind(model.missingProperty());
        missing.getStyleClass().add("text-muted");
        root.getChildren().addAll(facts(), decisionForm(), packTables(), signingRow(), missing, status);
    }

    public static ResourceBundle defaultText() {
        return ResourceBundle.getBundle("org.verdict.ui.decision.decision");
    }

    public Parent node() {
        return root;
    }

    /** Opens the dialog in its own window, modal over {@code owner}. */
    public Stage showModal(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(text.getString("decision.title"));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 900, 760));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.show();
        return stage;
    }

    private Node facts() {
        GridPane grid = grid();
        addRow(grid, 0, "decision.model", readOnly("decisionModel", model.modelName()));
        addRow(grid, 1, "decision.production", readOnly("decisionProduction", model.productionVersion()));
        ChoiceBox<String> candidate = new ChoiceBox<>(model.candidates());
        candidate.setId("decisionCandidate");
        candidate.valueProperty().bindBidirectional(model.candidateProperty());
        addRow(grid, 2, "decision.candidate", candidate);
        addRow(grid, 3, "decision.riskTier", readOnly("decisionRiskTier", String.valueOf(model.riskTier())));
        addRow(grid, 4, "decision.requiredSigners", readOnly("decisionRequiredSigners", model.requiredSigners()));
        return grid;
    }

    private Node decisionForm() {
        GridPane grid = grid();
        ChoiceBox<RecordKind> kind = new ChoiceBox<>(model.kinds());
        kind.setId("decisionKind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecordKind value) {
                return value == null ? "" : value.wireName();
            }

            @Override
            public RecordKind fromString(String wireName) {
                return RecordKind.fromWireName(wireName);
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ChoiceBox<String> decision = new ChoiceBox<>(model.decisions());
        decision.setId("decisionChoice");
        decision.valueProperty().bindBidirectional(model.decisionProperty());
        TextField snapshot = new TextField();
        snapshot.setId("decisionDataSnapshot");
        snapshot.textProperty().bindBidirectional(model.dataSnapshotProperty());
        DatePicker date = new DatePicker();
        date.setId("decisionDate");
        date.valueProperty().bindBidirectional(model.decisionDateProperty());
        DatePicker planned = new DatePicker();
        planned.setId("decisionPlanned");
        planned.valueProperty().bindBidirectional(model.plannedDeploymentProperty());
        TextField approvers = new TextField();
        approvers.setId("decisionApprovers");
        approvers.textProperty().bindBidirectional(model.approversProperty());
        TextArea rationale = new TextArea();
        rationale.setId("decisionRationale");
        rationale.setPrefRowCount(4);
        rationale.setMinHeight(90);
        rationale.setWrapText(true);
        rationale.textProperty().bindBidirectional(model.rationaleProperty());
        addRow(grid, 0, "decision.kind", kind);
        addRow(grid, 1, "decision.decision", decision);
        addRow(grid, 2, "decision.dataSnapshot", snapshot);
        addRow(grid, 3, "decision.date", date);
        addRow(grid, 4, "decision.planned", planned);
        addRow(grid, 5, "decision.approvers", approvers);
        addRow(grid, 6, "decision.rationale", rationale);
        return grid;
    }

    private Node packTables() {
        TableView<GateOutcome> gates = table("decisionGates", model.gates());
        gates.getColumns().add(column("decision.col.gate", GateOutcome::gate, 180));
        gates.getColumns().add(column("decision.col.result", GateOutcome::result, 140));
        gates.getColumns().add(column("decision.col.detail", g -> g.detail() == null ? "" : g.detail(), 300));
        gates.setPlaceholder(new Label(text.getString("decision.noGates")));
        TableView<TriggerEvidence> triggers = table("decisionTriggers", model.triggers());
        triggers.getColumns().add(column("decision.col.trigger", TriggerEvidence::trigger, 200));
        triggers.getColumns().add(column("decision.col.fired", t -> t.fired() ? "fired" : "—", 70));
        triggers.getColumns().add(column("decision.col.detail", t -> t.evidence() == null ? "" : t.evidence(), 300));
        TableView<Map.Entry<String, String>> evidence = table("decisionEvidence", model.evidenceFiles());
        evidence.getColumns().add(column("decision.col.file", Map.Entry::getKey, 180));
        evidence.getColumns().add(column("decision.col.sha256", Map.Entry::getValue, 460));
        triggers.visibleProperty().bind(model.kindProperty().isEqualTo(RecordKind.RETRAINING));
        triggers.managedProperty().bind(triggers.visibleProperty());
        gates.visibleProperty().bind(triggers.visibleProperty().not());
        gates.managedProperty().bind(gates.visibleProperty());
        return new VBox(6, new Label(text.getString("decision.gates") + " / " + text.getString("decision.triggers")),
                gates, triggers, new Label(text.getString("decision.evidence")), evidence);
    }

    private Node signingRow() {
        GridPane grid = grid();
        addRow(grid, 0, "decision.store", pathChooser("decisionStore", model.storeProperty(), true));
        addRow(grid, 1, "decision.key", pathChooser("decisionKey", model.keyFileProperty(), false));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("decisionPassphrase");
        Button sign = new Button(text.getString("decision.sign"));
        sign.setId("decisionSign");
        sign.setDefaultButton(true);
        sign.disableProperty().bind(model.canSignProperty().not().or(passphrase.textProperty().isEmpty()));
        sign.setOnAction(e -> {
            char[] secret = passphrase.getText().toCharArray();
            passphrase.clear();
            model.sign(secret);
        });
        addRow(grid, 2, "decision.passphrase", new HBox(8, passphrase, sign));
        return grid;
    }

    /** A path field with a Browse button; the store may be a new file, the key must exist. */
    private Node pathChooser(String id, ObjectProperty<Path> target, boolean mayBeNew) {
        TextField field = new TextField(target.get() == null ? "" : target.get().toString());
        field.setId(id);
        field.textProperty().addListener((o, was, now) -> target.set(now == null || now.isBlank() ? null : Path.of(now.strip())));
        Button browse = new Button(text.getString("decision.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            Window window = root.getScene().getWindow();
            File file = mayBeNew ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
            if (file != null) {
                field.setText(file.getPath());
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(8, field, browse);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        return grid;
    }

    private void addRow(GridPane grid, int row, String labelKey, Node value) {
        GridPane.setHgrow(value, Priority.ALWAYS);
        grid.addRow(row, new Label(text.getString(labelKey)), value);
    }

    private static Label readOnly(String id, String value) {
        Label label = new Label(value);
        label.setId(id);
        return label;
    }

    private static <S> TableView<S> table(String id, javafx.collections.ObservableList<S> items) {
        TableView<S> table = new TableView<>(items);
        table.setId(id);
        table.setPrefHeight(170);
        // the dialog scrolls (see showModal); the tables never shrink to their headers
        table.setMinHeight(130);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(text.getString(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }
}
