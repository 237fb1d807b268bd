package org.verdict.ui.decision;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.TriggerEvidence;
import org.verdict.ui.files.PathField;
import org.verdict.ui.files.SystemChooser;
import org.verdict.ui.table.FittedColumns;
import org.verdict.ui.table.WrappingCell;
import org.verdict.ui.task.ActivityArea;
import org.verdict.ui.theme.OwnerLook;
import org.verdict.ui.theme.CellFont;

/**
 * The Decision dialog: what the pack says (versions, gate table, triggers, evidence hashes) above what the person
 * decides (decision, rationale, approvers, dates), then the log, the key and the passphrase to sign with. A thin
 * view over {@link DecisionViewModel}; {@link #showModal} opens it over the main window.
 */
public final class DecisionDialog {
    /** 900 × 760 px in normal text; large text widens and heightens the dialog with it, up to the screen. */
    private static final double PREFERRED_WIDTH_EMS = 69;
    private static final double PREFERRED_HEIGHT_EMS = 58;
    /** What is still needed and the outcome of signing share this many lines above the buttons, scrolling beyond. */
    private static final int MESSAGE_LINES = 2;
    /** Two lines of a label are a pixel or two taller than two lines of its text; without it a scroll bar shows. */
    private static final double MESSAGE_SLACK = 4;
    /** The gate table is as tall as its gates up to this share of the form's view; beyond, it scrolls. */
    private static final double GATE_TABLE_SHARE_OF_VIEW = 0.8;
    /** A gate table's header, and a row's padding and border, in ems of the text. */
    private static final double HEADER_EMS = 2.4;
    private static final double ROW_PADDING_EMS = 0.9;
    /** A gate's name wraps after this many characters. */
    private static final int GATE_LINE_CHARS = 20;
    /** The short fields' column (kind, decision, data snapshot, dates): as wide as a date field and its button. */
    private static final double SHORT_FIELDS_EMS = 17;
    /** A pack with a single gate (or none) still gets a table of a few lines. */
    private static final double SHORTEST_GATE_TABLE = 130;
    /** Room left on the screen for the window's title bar and the desktop's panels. */
    private static final double SCREEN_MARGIN = 64;

    private final DecisionViewModel model;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final PasswordField passphrase = new PasswordField();
    private final TableView<GateOutcome> gates;
    /** Every gate's row with its numbers wrapped at the column's width, and the header. */
    private DoubleBinding gatesHeight;

    public DecisionDialog(DecisionViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        root.setId("decisionDialog");
        gates = table("decisionGates", model.gates());
        VBox form = new VBox(12, facts(), decisionForm(), overrides(), packTables());
        form.setPadding(new Insets(16));
        // the record is taken from the form when signing starts; nothing in it may change until signing ends
        form.disableProperty().bind(model.signingProperty());
        // the form scrolls on a small screen; the footer with the outcome, the signing key and the buttons is always
        // in view
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("decisionScroll");
        scroll.setFitToWidth(true);
        // every gate in view at once where the form has room (seven wrapped gates, not one and a half); on a short
        // screen the table scrolls within most of the view, so a gate and its numbers are never cut off by the form
        gates.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.max(SHORTEST_GATE_TABLE,
                        Math.min(gatesHeight.get(), GATE_TABLE_SHARE_OF_VIEW * scroll.getViewportBounds().getHeight())),
                gatesHeight, scroll.viewportBoundsProperty()));
        gates.minHeightProperty().bind(gates.prefHeightProperty());
        root.setCenter(scroll);
        root.setBottom(footer());
    }

    public static ResourceBundle defaultText() {
        return ResourceBundle.getBundle("org.verdict.ui.decision.decision");
    }

    public Parent node() {
        return root;
    }

    /** Opens the dialog in its own window, modal over {@code owner}, no larger than the screen it opens on. */
    public Stage showModal(Window owner) {
        return showModal(owner, Screen.getPrimary().getVisualBounds());
    }

    /**
     * Opens the dialog sized in ems of the owner's text, so large text gets a wider form (whole gate names and
     * prompts beside their fields on a laptop) within {@code screen}.
     */
    Stage showModal(Window owner, Rectangle2D screen) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(text.getString("decision.title"));
        stage.setScene(new Scene(root));
        OwnerLook.follow(owner, stage.getScene());
        root.applyCss();
        double em = passphrase.getFont().getSize();
        root.setPrefSize(Math.min(PREFERRED_WIDTH_EMS * em, screen.getWidth() - SCREEN_MARGIN),
                Math.min(PREFERRED_HEIGHT_EMS * em, screen.getHeight() - SCREEN_MARGIN));
        stage.show();
        return stage;
    }

    /**
     * The outcome of signing (or what is still missing) right above Cancel and Sign, in an area of fixed height, so
     * the fields above never move while what is missing changes as the person types. Esc cancels even without a
     * window manager; after a successful append Cancel becomes Close.
     */
    private Node footer() {
        Label missing = message("decisionMissing", model.missingProperty());
        missing.getStyleClass().add("text-muted");
        Label status = message("decisionStatus", model.statusProperty());
        model.signingProperty().addListener((o, was, busy) -> outcomeStyle(status));
        // a record refused before signing starts (it does not describe the pack) never sets signing
        model.statusProperty().addListener((o, was, now) -> outcomeStyle(status));
        passphrase.setId("decisionPassphrase");
        Label passphraseLabel = new Label(text.getString("decision.passphrase"));
        passphraseLabel.setLabelFor(passphrase);
        passphraseLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button(text.getString("decision.cancel"));
        cancel.setId("decisionCancel");
        cancel.setCancelButton(true);
        // while signing, Cancel stops it if the append has not begun; otherwise it closes the dialog
        cancel.setOnAction(e -> {
            if (model.signingProperty().get()) {
                model.cancelSigning();
            } else {
                root.getScene().getWindow().hide();
            }
        });
        model.signedRecordProperty().addListener((o, was, record) -> cancel.setText(text.getString("decision.close")));
        Button sign = new Button(text.getString("decision.sign"));
        sign.setId("decisionSign");
        sign.setDefaultButton(true);
        sign.disableProperty().bind(model.canSignProperty().not().or(passphrase.textProperty().isEmpty()));
        sign.setOnAction(e -> {
            char[] secret = passphrase.getText().toCharArray();
            passphrase.clear();
            model.sign(secret);
        });
        // a focused text field may keep Esc from the cancel button's accelerator; the dialog takes it first
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel.fire();
                e.consume();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the buttons never give way: beside the progress they were cut to "Ca…" and "Sign and app…" at 1366×768
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        sign.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, passphraseLabel, passphrase, spacer, cancel, sign);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // the dialog's own Cancel stops the signing (only before the append begins), so the bar needs none; it has
        // the footer's width to itself, above the buttons, so its message reads whole
        ActivityArea progress = new ActivityArea(model.signingActivity(), "signing", null);
        // the store and the key file sit with the passphrase, in view on a laptop screen however long the form
        Node signing = signingRow();
        signing.disableProperty().bind(model.signingProperty());
        VBox footer = new VBox(6, messages(status, missing), signing, progress, buttons);
        footer.setId("decisionFooter");
        footer.setPadding(new Insets(10, 16, 12, 16));
        // the line above the foot comes from the stylesheet, in the theme's border colour
        footer.getStyleClass().add("dialog-footer");
        return footer;
    }

    /** The messages in {@link #MESSAGE_LINES} lines of their text, scrolling when they need more. */
    private static Node messages(Label... lines) {
        VBox content = new VBox(2, lines);
        ScrollPane area = new ScrollPane(content);
        area.setId("decisionMessages");
        area.getStyleClass().add("dialog-messages");
        area.setFitToWidth(true);
        area.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label measured = lines[0];
        DoubleBinding height = Bindings.createDoubleBinding(() -> {
            Text sample = new Text("X\n".repeat(MESSAGE_LINES - 1) + "X");
            sample.setFont(measured.getFont());
            return Math.ceil(sample.getLayoutBounds().getHeight() + measured.snappedTopInset()
                    + measured.snappedBottomInset()) + MESSAGE_SLACK;
        }, measured.fontProperty());
        area.minHeightProperty().bind(height);
        area.prefHeightProperty().bind(height);
        area.maxHeightProperty().bind(height);
        return area;
    }

    /** A message line that takes no room while it is empty. */
    private static Label message(String id, ObservableValue<String> value) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(value);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /**
     * Green once the record is appended, red when signing ended or was refused without one (wrong passphrase, locked
     * store, a record that does not describe the pack…).
     */
    private void outcomeStyle(Label status) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (!model.signingProperty().get()) {
            status.getStyleClass().add(model.signedRecordProperty().get() != null ? Styles.SUCCESS : Styles.DANGER);
        }
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
        DatePicker date = new IsoDatePicker();
        date.setId("decisionDate");
        date.valueProperty().bindBidirectional(model.decisionDateProperty());
        DatePicker planned = new IsoDatePicker();
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
        // the rationale is signed text: Tab moves to the next field (Shift+Tab back), as in every other field, rather
        // than type a tab character into it; the text area traverses focus on Ctrl+Tab, so Tab is sent on as that
        rationale.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                rationale.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), KeyEvent.KEY_PRESSED, e.getCharacter(),
                        e.getText(), KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        // The short fields (kind to planned deployment) stand in a column as wide as they need; beside them, as tall as
        // their rows and never taller, what the decision means. Under the choice, in room kept for the longest notice
        // any choice shows, a short notice left a blank band above the data snapshot; in room that grew with the
        // notice, the fields below moved under a pointer aimed at them.
        addRow(grid, 0, "decision.kind", kind);
        addRow(grid, 1, "decision.decision", decision);
        addRow(grid, 2, "decision.dataSnapshot", snapshot);
        addRow(grid, 3, "decision.date", date);
        addRow(grid, 4, "decision.planned", planned);
        grid.add(notices(), 2, 0, 1, 5);
        addWideRow(grid, 5, "decision.approvers", approvers);
        addWideRow(grid, 6, "decision.rationale", rationale);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints shortFields = new ColumnConstraints();
        shortFields.setHgrow(Priority.NEVER);
        // as wide as a date field in ems of the text: given no width, it took the rationale's (40 columns), which
        // spans it, and left the notices a third of the form in large text
        DoubleBinding shortWidth = Bindings.createDoubleBinding(
                () -> Math.ceil(SHORT_FIELDS_EMS * snapshot.getFont().getSize()), snapshot.fontProperty());
        shortFields.minWidthProperty().bind(shortWidth);
        shortFields.prefWidthProperty().bind(shortWidth);
        shortFields.maxWidthProperty().bind(shortWidth);
        ColumnConstraints noticeColumn = new ColumnConstraints();
        noticeColumn.setHgrow(Priority.ALWAYS);
        noticeColumn.setMinWidth(0);
        grid.getColumnConstraints().setAll(labels, shortFields, noticeColumn);
        return grid;
    }

    /**
     * Under the decision, in the form, which decision stands on this question (read before choosing, so that none is
     * replaced unseen), the warning about promoting over gates that do not pass (in the footer its five lines of
     * large text left the form half the dialog) and what else is significantly worse (read where promote is chosen,
     * before anything is signed). They stand in room kept for the longest any choice shows: when choosing a decision
     * made room for them, the fields below moved about 30 px under a pointer aimed at Approvers.
     */
    private Node notices() {
        Label standing = message("decisionStanding", model.standingNoticeProperty());
        Label warning = message("decisionWarning", model.promotionWarningProperty());
        Label worse = message("decisionWorse", model.worseWarningProperty());
        Label choices = message("decisionChoices", model.choicesNoticeProperty());
        ScrollPane room = new ScrollPane(noticeColumn(standing, warning, worse, choices));
        room.setId("decisionNoticeRoom");
        room.getStyleClass().add("plain-scroll-area");
        room.setFitToWidth(true);
        room.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // as tall as the rows beside it, which it never makes taller: the notices scroll where they need more
        room.setMinHeight(0);
        room.setPrefHeight(0);
        room.setMaxHeight(Double.MAX_VALUE);
        room.setMinWidth(0);
        room.setPrefWidth(0);
        GridPane.setFillHeight(room, true);
        GridPane.setValignment(room, VPos.TOP);
        return room;
    }

    /**
     * The standing decision, then the two warnings, in the warning colour; before a choice, what each choice needs, as a
     * hint.
     */
    private static VBox noticeColumn(Label standing, Label blockedGates, Label worse, Label choices) {
        for (Label label : List.of(standing, blockedGates, worse, choices)) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        blockedGates.getStyleClass().add(Styles.WARNING);
        worse.getStyleClass().add(Styles.WARNING);
        choices.getStyleClass().add("hint");
        return new VBox(6, standing, blockedGates, worse, choices);
    }


    /**
     * One justification field per gate a promote would override, shown while the person chooses to promote over
     * them; the record cannot be signed until each says why.
     */
    private Node overrides() {
        GridPane grid = grid();
        int row = 0;
        for (DecisionViewModel.Justification override : model.overrides()) {
            TextField justification = new TextField();
            justification.setId("decisionOverride-" + override.gate().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-"));
            justification.setPromptText(text.getString("decision.override.prompt"));
            justification.textProperty().bindBidirectional(override.justification());
            Label gate = new Label(MessageFormat.format(text.getString("decision.override.gate"),
                    override.gate(), override.result()));
            gate.setLabelFor(justification);
            GridPane.setHgrow(justification, Priority.ALWAYS);
            grid.addRow(row++, gate, justification);
        }
        Label heading = new Label(text.getString("decision.overrides"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        // "(signed with the record)" wraps in large text rather than ending in "…"
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        VBox section = new VBox(6, heading, grid);
        section.setId("decisionOverrides");
        section.visibleProperty().bind(model.overridingProperty());
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private Node packTables() {
        Label heading = new Label(text.getString("decision.gates") + " / " + text.getString("decision.triggers"));
        DoubleBinding em = Bindings.createDoubleBinding(() -> heading.getFont().getSize(), heading.fontProperty());
        // the gate and its result as wide as their words, the numbers all the rest: fewer lines per gate
        FittedColumns<GateOutcome> fitted = new FittedColumns<>(gates, em, false);
        TableColumn<GateOutcome, String> gate = wrapping(column("decision.col.gate", GateOutcome::gate, 180));
        TableColumn<GateOutcome, String> result = column("decision.col.result", GateOutcome::result, 140);
        TableColumn<GateOutcome, String> detail = wrapping(column("decision.col.detail", DecisionDialog::numbers, 300));
        // a long gate ("Volume per class, language and segment") takes two lines rather than the numbers' room
        fitted.fit(gate, outcome -> WrappingCell.lines(outcome.gate(), GATE_LINE_CHARS));
        fitted.fit(result, GateOutcome::result);
        fitted.flexible(detail, 16);
        gates.getColumns().setAll(List.of(gate, result, detail));
        gatesHeight = Bindings.createDoubleBinding(() -> {
            Font font = Font.font(CellFont.FAMILY, em.get());
            double height = HEADER_EMS * em.get();
            for (GateOutcome outcome : model.gates()) {
                height += Math.max(WrappingCell.wrappedHeight(outcome.gate(), font, gate.getWidth()),
                        WrappingCell.wrappedHeight(numbers(outcome), font, detail.getWidth()))
                        + ROW_PADDING_EMS * em.get();
            }
            return height;
        }, model.gates(), gate.widthProperty(), detail.widthProperty(), em);
        gates.setPlaceholder(new Label(text.getString("decision.noGates")));
        TableView<TriggerEvidence> triggers = table("decisionTriggers", model.triggers());
        triggers.getColumns().add(column("decision.col.trigger", TriggerEvidence::trigger, 200));
        triggers.getColumns().add(column("decision.col.fired", t -> t.fired() ? "fired" : "—", 70));
        triggers.getColumns().add(wrapping(column("decision.col.detail", t -> t.evidence() == null ? "" : t.evidence(),
                300)));
        TableView<Map.Entry<String, String>> evidence = table("decisionEvidence", model.evidenceFiles());
        evidence.getColumns().add(column("decision.col.file", Map.Entry::getKey, 180));
        evidence.getColumns().add(column("decision.col.sha256", Map.Entry::getValue, 460));
        triggers.visibleProperty().bind(model.kindProperty().isEqualTo(RecordKind.RETRAINING));
        triggers.managedProperty().bind(triggers.visibleProperty());
        gates.visibleProperty().bind(triggers.visibleProperty().not());
        gates.managedProperty().bind(gates.visibleProperty());
        return new VBox(6, heading, gates, triggers, new Label(text.getString("decision.evidence")), evidence);
    }

    private static String numbers(GateOutcome outcome) {
        return outcome.detail() == null ? "" : outcome.detail();
    }

    private Node signingRow() {
        GridPane grid = grid();
        addRow(grid, 0, "decision.store", pathChooser("decisionStore", model.storeProperty(), true));
        addRow(grid, 1, "decision.key", pathChooser("decisionKey", model.keyFileProperty(), false));
        return grid;
    }

    /** A path field with Browse…; the store may be a new file, the key must exist. */
    private Node pathChooser(String id, ObjectProperty<Path> target, boolean mayBeNew) {
        String title = text.getString(mayBeNew ? "decision.store" : "decision.key");
        return new PathField(id, text.getString("decision.chooserUnavailable")).editing(target)
                .browse(id + "Browse", text.getString("decision.browse"),
                        mayBeNew ? SystemChooser.saveFile(title, target.get()) : SystemChooser.openFile(title))
                .node();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        return grid;
    }

    private Label addRow(GridPane grid, int row, String labelKey, Node value) {
        GridPane.setHgrow(value, Priority.ALWAYS);
        Label label = new Label(text.getString(labelKey));
        // the field gives way, never the label: "Planned deployment" stays whole in large text
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, label, value);
        return label;
    }

    /** A row whose field takes the short fields' column and the notices' beside it (approvers, rationale). */
    private void addWideRow(GridPane grid, int row, String labelKey, Node value) {
        Label label = new Label(text.getString(labelKey));
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(label, 0, row);
        grid.add(value, 1, row, 2, 1);
    }

    private static Label readOnly(String id, String value) {
        Label label = new Label(value);
        label.setId(id);
        return label;
    }

    private static <S> TableView<S> table(String id, ObservableList<S> items) {
        TableView<S> table = new TableView<>(items);
        table.setId(id);
        table.setPrefHeight(170);
        // the form scrolls; the tables never shrink to their headers
        table.setMinHeight(130);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A gate's numbers or a trigger's evidence is a sentence: it wraps in its column instead of ending in "…". */
    private static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column) {
        column.setCellFactory(WrappingCell::new);
        return column;
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(text.getString(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }
}
