package org.verdict.ui.audit;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.verdict.core.ledger.Integrity;
import org.verdict.ui.audit.AuditRow.SignatureRow;
import org.verdict.ui.decision.IsoDatePicker;
import org.verdict.ui.files.FolderText;
import org.verdict.ui.table.FittedColumns;
import org.verdict.ui.table.WrappingCell;
import org.verdict.ui.theme.CellFont;

/**
 * The Audit view: any decision log opened read-only, its records with a verified / policy not met / tampered badge,
 * filters, a detail pane (evidence and signatures) and a side-by-side comparison of two records. A thin view over
 * {@link AuditViewModel}.
 */
public final class AuditView {
    /**
     * Whole lines of the verification summary in view before the rest of it scrolls: the verdict and the problems it
     * lists (two of them on two lines), read in place across the view at 1366×768, where
     * four lines beside the log's name were a small box to scroll through a tampered log's problems. A longer summary
     * (large text) scrolls whole lines.
     */
    static final int VERIFICATION_LINES = AuditViewModel.LISTED_PROBLEMS + 3;
    /**
     * Whole lines in view while the summary lists every problem, asked for with "… and N more problems": a tampered
     * log's seven (one on three lines, one on two) read in place at 1366×768, the records table keeping 310 px below;
     * a longer list scrolls, and "show only the first 5 problems" stays in view under it.
     */
    static final int EVERY_PROBLEM_LINES = VERIFICATION_LINES + 4;
    /** A folder beside the log's name longer than this is cut in the middle: about half the row at 1366×768. */
    private static final int FOLDER_CHARS = 60;
    /** The log's name keeps its width up to this many ems (a name such as decisions.db whole); longer ends in …. */
    private static final double STORE_NAME_MIN_EMS = 12;
    /**
     * Asks for a file to open. The application's asks through a path field with Browse… for the system's chooser,
     * which can come up blank or fail under a plain X session without a desktop portal.
     */
    @FunctionalInterface
    public interface FileAsker {
        Optional<Path> askForFile(Window owner, String title, Path initial, FileChooser.ExtensionFilter... filters);
    }

    /**
     * The Signatures column's least width: "awaiting signatures" and a tamper problem wrap in it, and beside the other
     * columns it still fits a 1366×768 laptop in large text. At 8 ems a tampered log's records were 3 px too wide for
     * the table there once its rows needed a vertical scroll bar, and the table scrolled sideways.
     */
    private static final double SIGNATURES_MIN_EMS = 7.5;
    /**
     * The records table's share of the width: in large text at 1366×768 its number, integrity badge, date, wrapped
     * model and decision and the signatures fit beside the detail pane (whose field and value columns keep 340 px).
     */
    private static final double RECORDS_SHARE = 0.68;
    /**
     * The records' share while two records are compared: the pane beside them (545 px in normal text at 1366×768)
     * holds a field's name and two values such as a record id or a signed time's date and time, each on a line.
     */
    private static final double RECORDS_SHARE_COMPARING = 0.55;
    private static final String COMPARE_TAB = "auditCompareTab";
    /**
     * The Compare tab's columns in ems: the field's name, then each record's value. Together (32 ems, 416 px in normal
     * text) they fit the pane beside the records while comparing at 1366×768 (about 530 px) and grow to fill it, each
     * value about 200 px: a bold record id or a signed time's time on one line; in large text (608 px) they narrow in
     * proportion to the pane, and never below {@link #COMPARED_MIN_SHARE} of these widths. The field's share keeps a
     * name such as "Signatures" whole in large text; hashes wrap.
     */
    private static final double COMPARED_FIELD_EMS = 8;
    private static final double COMPARED_VALUE_EMS = 12;
    private static final double COMPARED_MIN_SHARE = 0.5;
    /** The widest a signed time is ({@code appendedAt}: microseconds, UTC; the font's digits are all one width). */
    private static final String TIMESTAMP_SHAPE = "0000-00-00T00:00:00.000000Z";
    /** A field's name wraps down to this width, which keeps "Signatures" whole in large text. */
    private static final double FIELD_MIN_EMS = 6.5;
    /** The Value column's least width when a time needs less (short values stay readable, hashes wrap). */
    private static final double VALUE_MIN_WIDTH = 200;
    /** A wrapping cell's padding either side of its text, and a pixel for rounding. */
    private static final double WRAPPING_CELL_PADDING = 19;
    /** The fields table's vertical scroll bar and its borders, beside the two columns. */
    private static final double SCROLL_BAR_AND_BORDERS = 12;

    private final AuditViewModel model;
    private final ResourceBundle text;
    private final FileAsker files;
    private final VBox root = new VBox(10);
    /** Says the store is read-only; its font size, which follows the text-size mode, sizes the tables' columns. */
    private final Label readOnly = new Label();

    public AuditView(AuditViewModel model, ResourceBundle text, FileAsker files) {
        this.model = model;
        this.text = text;
        this.files = files;
        readOnly.setText(text.getString("audit.readOnly"));
        root.setId("auditView");
        root.getStyleClass().add("view");
        root.setPadding(new Insets(16));
        TableView<AuditRow> table = recordTable();
        TabPane tabs = detailTabs(table);
        SplitPane split = new SplitPane(table, tabs);
        split.setDividerPositions(RECORDS_SHARE);
        widenWhileComparing(split, tabs);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header(), filters(), split);
    }

    /**
     * Two records' values side by side do not fit the detail pane beside the records at 1366×768: a record id and a
     * signed time wrapped mid-word there. While the Compare tab is shown the records make room (their model and
     * decision wrap, the kind gives way as in a narrow window); leaving it gives the divider back where it was.
     */
    private static void widenWhileComparing(SplitPane split, TabPane tabs) {
        double[] before = {RECORDS_SHARE};
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (isCompare(now)) {
                before[0] = split.getDividerPositions()[0];
                split.setDividerPositions(Math.min(before[0], RECORDS_SHARE_COMPARING));
            } else if (isCompare(was)) {
                split.setDividerPositions(before[0]);
            }
        });
    }

    private static boolean isCompare(Tab tab) {
        return tab != null && COMPARE_TAB.equals(tab.getId());
    }

    /** The bundle with this view's texts, for a composition root that has no merged bundle. */
    public static ResourceBundle defaultText() {
        return ResourceBundle.getBundle("org.verdict.ui.audit.audit");
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node header() {
        Button open = new Button(text.getString("audit.open"));
        open.setId("auditOpen");
        open.disableProperty().bind(model.loadingProperty());
        open.setOnAction(e -> files.askForFile(window(), text.getString("audit.chooserTitle"), null)
                .ifPresent(model::open));
        Button trusted = new Button(text.getString("audit.trustedSigners"));
        trusted.setId("auditTrustedSigners");
        trusted.disableProperty().bind(model.loadingProperty());
        trusted.setOnAction(e -> files.askForFile(window(), text.getString("audit.trustedSignersTitle"), null,
                        new FileChooser.ExtensionFilter(text.getString("audit.trustedSignersFiles"), "*.json"))
                .ifPresent(model::useTrustedSigners));
        Label store = new Label();
        store.setId("auditStore");
        store.textProperty().bind(model.storeNameProperty());
        store.getStyleClass().add("title-4");
        // a longer name ends in …; the tooltip has the whole path
        store.setTooltip(wholePath());
        store.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text name = new Text(store.getText());
            name.setFont(store.getFont());
            return Math.min(Math.ceil(name.getLayoutBounds().getWidth()) + store.snappedLeftInset()
                    + store.snappedRightInset(), STORE_NAME_MIN_EMS * store.getFont().getSize());
        }, store.textProperty(), store.fontProperty()));
        readOnly.getStyleClass().add("text-muted");
        Label verification = new Label();
        verification.setId("auditVerification");
        verification.setWrapText(true);
        verification.textProperty().bind(model.verificationProperty());
        // a log still being read and verified has no colour: red beside "verifying …" read as a problem found before
        // any was, and the last log's green as this one verified
        Runnable standing = () -> {
            if (model.integrityProperty().get() == null && !model.openFailedProperty().get()) {
                verification.getStyleClass().removeAll(STANDING_STYLES);
            } else {
                badgeStyle(verification, model.integrityProperty().get());
            }
        };
        model.integrityProperty().addListener((o, was, now) -> standing.run());
        // a tampered store opened first leaves its standing unchanged: the new verdict still gets its colour
        model.verificationProperty().addListener((o, was, now) -> standing.run());
        standing.run();
        // a tampered log lists its problems: at most a few lines high (in large text at 768 px a longer list left the
        // records table two rows); the rest scrolls within that height, so every problem stays readable in place
        ScrollPane verificationArea = new ScrollPane(verification);
        verificationArea.setId("auditVerificationArea");
        verificationArea.getStyleClass().add("plain-scroll-area");
        verificationArea.setFitToWidth(true);
        verificationArea.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        verification.setMinHeight(Region.USE_PREF_SIZE);
        // as tall as the wrapped text, up to that height, at the width the text wraps in
        verificationArea.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(Math.ceil(linesHigh(verification.getFont(), model.everyProblemListedProperty().get()
                                        ? EVERY_PROBLEM_LINES : VERIFICATION_LINES)
                                + verification.snappedTopInset() + verification.snappedBottomInset()),
                        verification.prefHeight(verificationArea.getViewportBounds().getWidth())),
                verification.fontProperty(), verification.textProperty(), verificationArea.viewportBoundsProperty(),
                model.everyProblemListedProperty()));
        verificationArea.minViewportHeightProperty().bind(verificationArea.prefViewportHeightProperty());
        // no log open, nothing said: no empty row between the buttons
        verificationArea.visibleProperty().bind(verification.textProperty().isNotEmpty());
        verificationArea.managedProperty().bind(verificationArea.visibleProperty());
        HBox header = new HBox(12, open, store, folder(), readOnly);
        header.setAlignment(Pos.CENTER_LEFT);
        keepWhole(open, readOnly);
        Label roster = new Label();
        roster.setId("auditTrustedSignersFile");
        roster.getStyleClass().add("text-muted");
        roster.textProperty().bind(Bindings.createStringBinding(() -> model.trustedSignersProperty().get() == null
                ? text.getString("audit.trustedSignersNone")
                : model.trustedSignersProperty().get().getFileName().toString(), model.trustedSignersProperty()));
        Button kept = new Button(text.getString("audit.keptCheckpoint"));
        kept.setId("auditKeptCheckpoint");
        kept.disableProperty().bind(model.loadingProperty());
        kept.setOnAction(e -> files.askForFile(window(), text.getString("audit.keptCheckpointTitle"), null,
                        new FileChooser.ExtensionFilter(text.getString("audit.keptCheckpointFiles"), "*.json"))
                .ifPresent(model::useKeptCheckpoint));
        Label checkpoint = new Label();
        checkpoint.setId("auditKeptCheckpointFile");
        checkpoint.getStyleClass().add("text-muted");
        checkpoint.textProperty().bind(Bindings.createStringBinding(() -> model.keptCheckpointProperty().get() == null
                ? text.getString("audit.keptCheckpointNone")
                : model.keptCheckpointProperty().get().getFileName().toString(), model.keptCheckpointProperty()));
        HBox trust = new HBox(12, trusted, roster, kept, checkpoint);
        trust.setAlignment(Pos.CENTER_LEFT);
        keepWhole(trusted, kept);
        wrapInTheRest(roster, checkpoint);
        // the summary has the view's whole width under the log's name: beside it, a refusal or a tampered log's
        // problems were squeezed into a third of the row
        return new VBox(6, header, verificationArea, moreProblems(), trust);
    }

    /**
     * Under a summary that lists the first few problems, "… and N more problems: show all N" lists every one (a
     * problem of the store as a whole is in no record's details, so the summary is the only place it is read); then
     * "show only the first 5 problems" gives the records their room back. Outside the summary's scrolling area, so
     * it stays in view however long the list.
     */
    private Node moreProblems() {
        Hyperlink more = new Hyperlink();
        more.setId("auditMoreProblems");
        more.textProperty().bind(model.moreProblemsProperty());
        more.setOnAction(e -> {
            model.everyProblemListedProperty().set(!model.everyProblemListedProperty().get());
            // a switch, not a page seen: marked visited it turned the text's colour and no longer read as a link
            more.setVisited(false);
        });
        more.visibleProperty().bind(more.textProperty().isNotEmpty());
        more.managedProperty().bind(more.visibleProperty());
        // lined up with the summary's text, as its last line
        more.setPadding(new Insets(0));
        return more;
    }

    /**
     * Which folder the open log is in, "in /tmp/review/tamper" beside its name: a copy and the real log (both
     * decisions.db) read alike without it. A long folder is cut in the middle between folders, and further in the
     * middle where the row is narrower; the tooltip has the whole path.
     */
    private Node folder() {
        Label folder = new Label();
        folder.setId("auditStoreFolder");
        folder.getStyleClass().add("text-muted");
        folder.textProperty().bind(Bindings.createStringBinding(() -> model.openedStoreProperty().get() == null ? ""
                : MessageFormat.format(text.getString("audit.inFolder"),
                        FolderText.folderOf(model.openedStoreProperty().get(), FOLDER_CHARS)),
                model.openedStoreProperty()));
        folder.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        folder.setTooltip(wholePath());
        folder.visibleProperty().bind(folder.textProperty().isNotEmpty());
        folder.managedProperty().bind(folder.visibleProperty());
        return folder;
    }

    private Tooltip wholePath() {
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(Bindings.createStringBinding(() -> model.openedStoreProperty().get() == null ? ""
                : model.openedStoreProperty().get().toString(), model.openedStoreProperty()));
        return whole;
    }

    /**
     * The height of {@code lines} lines of text in {@code font}, as a label lays them out: a label's text is centred
     * on its lines, each a whole number of pixels high (16 px in 13 px text), where a plain text's lines are 15.13 px.
     * Four lines measured the plain way were 61 px, and cut the fourth line of the label by 3 px, on a screen and on
     * Monocle alike.
     */
    static double linesHigh(Font font, int lines) {
        Text sample = new Text("X\n".repeat(lines - 1) + "X");
        sample.setFont(font);
        sample.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
        return sample.getLayoutBounds().getHeight();
    }

    /** Buttons and names are never cut ("Open decis…"): the labels beside them wrap instead. */
    private static void keepWhole(Region... regions) {
        for (Region region : regions) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** A label that wraps onto more lines in the room its row leaves (large text), rather than ending in "…". */
    private static void wrapInTheRest(Label... labels) {
        for (Label label : labels) {
            label.setWrapText(true);
            label.setMinWidth(0);
            label.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(label, Priority.SOMETIMES);
        }
    }

    private Node filters() {
        TextField search = new TextField();
        search.setId("auditSearch");
        search.setPromptText(text.getString("audit.search"));
        search.textProperty().bindBidirectional(model.searchProperty());
        ChoiceBox<String> modelChoice = new ChoiceBox<>(model.models());
        modelChoice.setId("auditModel");
        modelChoice.valueProperty().bindBidirectional(model.modelProperty());
        ChoiceBox<String> kind = new ChoiceBox<>(model.kinds());
        kind.setId("auditKind");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ChoiceBox<String> decision = new ChoiceBox<>(model.decisions());
        decision.setId("auditDecision");
        decision.valueProperty().bindBidirectional(model.decisionProperty());
        TextField approver = new TextField();
        approver.setId("auditApprover");
        approver.setPromptText(text.getString("audit.approver"));
        approver.textProperty().bindBidirectional(model.approverProperty());
        DatePicker from = new IsoDatePicker();
        from.setPrefWidth(130);
        from.setId("auditFrom");
        from.setPromptText(text.getString("audit.from"));
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new IsoDatePicker();
        to.setPrefWidth(130);
        to.setId("auditTo");
        to.setPromptText(text.getString("audit.to"));
        to.valueProperty().bindBidirectional(model.toProperty());
        CheckBox tamperedOnly = new CheckBox(text.getString("audit.tamperedOnly"));
        tamperedOnly.setId("auditTamperedOnly");
        tamperedOnly.selectedProperty().bindBidirectional(model.tamperedOnlyProperty());
        approver.setPrefWidth(140);
        search.setPrefWidth(220);
        // the two dates of one range stay together: wrapped one by one, "To" stood alone on a line of its own at
        // 1366×768, away from the "From" it bounds
        HBox dates = new HBox(6, from, to);
        dates.setAlignment(Pos.CENTER_LEFT);
        from.setMinWidth(Region.USE_PREF_SIZE);
        to.setMinWidth(Region.USE_PREF_SIZE);
        // every filter keeps its full size; a narrow window (or large text) wraps them onto a second line
        FlowPane filters = new FlowPane(12, 8, search, labelled("audit.model", modelChoice), labelled("audit.kind", kind),
                labelled("audit.decision", decision), approver, dates, tamperedOnly);
        filters.setId("auditFilters");
        filters.getChildren().forEach(filter -> ((Region) filter).setMinWidth(Region.USE_PREF_SIZE));
        filters.setAlignment(Pos.CENTER_LEFT);
        return filters;
    }

    /** What an empty table says, wrapped to the table's width rather than cut off. */
    private static Label placeholder(String message) {
        Label label = new Label(message);
        label.setWrapText(true);
        label.setPadding(new Insets(16));
        return label;
    }

    /** A filter with its label, kept together on one line. */
    private Node labelled(String labelKey, Region filter) {
        Label label = new Label(text.getString(labelKey));
        label.setLabelFor(filter);
        label.setMinWidth(Region.USE_PREF_SIZE);
        filter.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(6, label, filter);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private TableView<AuditRow> recordTable() {
        TableView<AuditRow> table = new TableView<>(model.visibleRecords());
        table.setId("auditRecords");
        // fitted to what they show in the font in use (larger in projector mode), so dates and kinds never
        // truncate; a narrow window scrolls sideways instead of cutting values off
        FittedColumns<AuditRow> fitted = fittedColumns(table);
        table.getColumns().add(column("audit.col.sequence", r -> "#" + r.sequence(), fitted));
        // The integrity badge is what an auditor reads first: beside the record's number, never pushed out of view
        // by a long model name or decision (those wrap when the table is narrow, as in large text at 1366×768).
        // It wraps last, once the model and decision are down to their longest words: in normal text at 1366×768 a
        // long decision wrapped "✖" / "tampered" beside it; in large text it still wraps ("⚠ policy" / "not met")
        // rather than push the Signatures column out of view.
        TableColumn<AuditRow, String> badge = column("audit.col.verified", AuditRow::badge, fitted);
        fitted.wrapLastWhenNarrow(badge);
        badge.setCellFactory(c -> new WrappingCell<>(c) {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                AuditRow row = empty ? null : getTableRow().getItem();
                getStyleClass().removeAll(STANDING_STYLES);
                if (row != null) {
                    badgeStyle(this, row.integrity());
                }
            }
        });
        table.getColumns().add(badge);
        table.getColumns().add(column("audit.col.date", r -> r.missing() ? "—" : r.decisionDate() == null ? "?"
                : r.decisionDate().toString(), fitted));
        TableColumn<AuditRow, String> kind = column("audit.col.kind", AuditRow::kind, fitted);
        table.getColumns().add(kind);
        table.getColumns().add(wrappingColumn("audit.col.model", AuditRow::model, fitted));
        table.getColumns().add(wrappingColumn("audit.col.decision", AuditRow::decision, fitted));
        // A tamper problem is a sentence or two: it wraps in the room the other columns leave, never cut.
        TableColumn<AuditRow, String> status = new TableColumn<>(text.getString("audit.col.status"));
        status.setCellValueFactory(cell -> constant(cell.getValue().status()));
        status.setCellFactory(WrappingCell::new);
        fitted.flexible(status, SIGNATURES_MIN_EMS);
        table.getColumns().add(status);
        // The kind is the first to make room when even wrapped columns do not fit (its decision mostly says it:
        // promote, retrain, amend; the details name it); the ⋮ menu shows it again.
        fitted.yieldWhenNarrow(kind);
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, selected) -> model.selectedProperty().set(selected));
        Label empty = placeholder(null);
        empty.setId("auditEmpty");
        empty.textProperty().bind(model.emptyTableMessage());
        table.setPlaceholder(empty);
        return table;
    }

    private TabPane detailTabs(TableView<AuditRow> table) {
        TableView<Map.Entry<String, String>> details = new TableView<>(model.details());
        details.setId("auditDetails");
        details.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.setPlaceholder(placeholder(text.getString("audit.noSelection")));
        TableColumn<Map.Entry<String, String>, String> field = column("audit.col.field", Map.Entry::getKey, 140);
        TableColumn<Map.Entry<String, String>, String> value = column("audit.col.value", Map.Entry::getValue, 200);
        details.getColumns().add(field);
        details.getColumns().add(value);
        keepTimestampsOnOneLine(details, field, value);

        TableView<SignatureRow> signatures = new TableView<>(model.signatures());
        signatures.setId("auditSignatures");
        signatures.setMinHeight(110);
        signatures.setPlaceholder(placeholder(text.getString("audit.noSignatures")));
        FittedColumns<SignatureRow> fittedSignatures = fittedColumns(signatures);
        signatures.getColumns().add(column("audit.col.signer", SignatureRow::name, fittedSignatures));
        signatures.getColumns().add(column("audit.col.role", SignatureRow::role, fittedSignatures));
        signatures.getColumns().add(column("audit.col.standing", SignatureRow::standing, fittedSignatures));
        signatures.getColumns().add(column("audit.col.keyId", s -> s.keyId().substring(0, 12), fittedSignatures));
        signatures.getColumns().add(column("audit.col.signedAt", SignatureRow::signedAt, fittedSignatures));
        headersOnlyWithRows(signatures);
        // The signatures and co-signing have a tab of their own: sharing one with the fields left the fields table
        // about 60 px (one wrapped row) in large text at 1366×768; the records table's Signatures column says the
        // record's standing meanwhile.
        VBox.setVgrow(signatures, Priority.ALWAYS);
        VBox signaturePane = new VBox(8, signatures, cosignRow(table));

        Button setLeft = new Button(text.getString("audit.setLeft"));
        setLeft.setId("auditCompareLeft");
        setLeft.setOnAction(e -> model.leftProperty().set(table.getSelectionModel().getSelectedItem()));
        Button setRight = new Button(text.getString("audit.setRight"));
        setRight.setId("auditCompareRight");
        setRight.setOnAction(e -> model.rightProperty().set(table.getSelectionModel().getSelectedItem()));
        TableView<ComparisonLine> comparison = new TableView<>(model.comparison());
        comparison.setId("auditComparison");
        // The three columns share the pane's width and wrap their text: fixed minimums of 130 + 150 + 150 px were
        // wider than the pane beside the records at 1366×768 and cut the Right column off.
        comparison.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        comparison.setPlaceholder(placeholder(text.getString("audit.noComparison")));
        comparison.getColumns().add(sharingColumn("audit.col.field", ComparisonLine::field, COMPARED_FIELD_EMS));
        comparison.getColumns().add(sharingColumn("audit.col.left", ComparisonLine::left, COMPARED_VALUE_EMS));
        comparison.getColumns().add(sharingColumn("audit.col.right", ComparisonLine::right, COMPARED_VALUE_EMS));
        comparison.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("differs");
                if (!empty && line != null && line.differs()) {
                    getStyleClass().add("differs");
                    setStyle("-fx-font-weight: bold;");
                } else {
                    setStyle(null);
                }
            }
        });
        VBox.setVgrow(comparison, Priority.ALWAYS);
        // in large text the two buttons do not fit side by side in the pane: the second goes under the first
        keepWhole(setLeft, setRight);
        VBox comparePane = new VBox(8, new FlowPane(8, 6, setLeft, setRight), comparison);

        Tab detailTab = new Tab(text.getString("audit.details"), details);
        Tab signatureTab = new Tab(text.getString("audit.signatures"), signaturePane);
        signatureTab.setId("auditSignaturesTab");
        Tab compareTab = new Tab(text.getString("audit.compare"), comparePane);
        compareTab.setId(COMPARE_TAB);
        TabPane tabs = new TabPane(detailTab, signatureTab, compareTab);
        tabs.setId("auditDetailTabs");
        // three tab names beside the records table in large text at 1366×768 without the overflow menu
        tabs.getStyleClass().add("compact-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /**
     * Without rows the table's placeholder alone says what it will hold: its headers, wider together than the pane
     * beside the records (the Signatures table's five asked for 490 px in 367 at 1366×768, two of them out of view in
     * large text), ran past its edge and would scroll sideways over nothing. With rows they are shown, and the table
     * scrolls to its values as any narrow table does.
     */
    private static void headersOnlyWithRows(TableView<?> table) {
        table.skinProperty().addListener((obs, was, skin) -> {
            if (table.lookup("TableHeaderRow") instanceof Region headers) {
                headers.visibleProperty().bind(Bindings.isNotEmpty(table.getItems()));
            }
        });
    }

    /** Co-signing the selected record: the only change this view makes to a store, and only on request. */
    private Node cosignRow(TableView<AuditRow> table) {
        TextField keyFile = new TextField();
        keyFile.setId("auditKey");
        keyFile.setPromptText(text.getString("audit.keyFile"));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("auditPassphrase");
        passphrase.setPromptText(text.getString("audit.passphrase"));
        Button cosign = new Button(text.getString("audit.cosign"));
        cosign.setId("auditCosign");
        // short enough to leave the passphrase field its room beside it in large text
        cosign.setTooltip(new Tooltip(text.getString("audit.cosignTooltip")));
        // a deleted record has nothing left to sign
        cosign.disableProperty().bind(Bindings.createBooleanBinding(() -> {
                    AuditRow selected = table.getSelectionModel().getSelectedItem();
                    return selected == null || selected.missing();
                }, table.getSelectionModel().selectedItemProperty())
                .or(keyFile.textProperty().isEmpty()).or(passphrase.textProperty().isEmpty()).or(model.loadingProperty()));
        cosign.setOnAction(e -> {
            char[] secret = passphrase.getText().toCharArray();
            passphrase.clear();
            model.cosign(table.getSelectionModel().getSelectedItem(), Path.of(keyFile.getText().strip()), secret);
        });
        Label outcome = new Label();
        outcome.setId("auditCosignOutcome");
        outcome.setWrapText(true);
        // a refusal is read whole: it says what to do
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.textProperty().bind(model.cosignOutcomeProperty());
        Button browse = new Button(text.getString("audit.browse"));
        browse.setId("auditKeyBrowse");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> files.askForFile(window(), text.getString("audit.keyChooserTitle"),
                        null,
                        new FileChooser.ExtensionFilter(text.getString("audit.keyFiles"), "*.key.json"))
                .ifPresent(path -> keyFile.setText(path.toString())));
        cosign.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        return new VBox(6, new HBox(8, keyFile, browse), new HBox(8, passphrase, cosign), endorseRow(keyFile, passphrase),
                outcome);
    }

    /**
     * A signer of the selected record whose registration awaits an endorsement: why their signatures count for no
     * quorum, and Endorse… with the key file and passphrase above (the endorser's). Shown only while there is one.
     */
    private Node endorseRow(TextField keyFile, PasswordField passphrase) {
        Label note = new Label();
        note.setId("auditEndorseNote");
        note.setWrapText(true);
        note.getStyleClass().add("warning");
        note.textProperty().bind(model.endorsementNoteProperty());
        Button endorse = new Button(text.getString("audit.endorse"));
        endorse.setId("auditEndorse");
        endorse.setMinWidth(Region.USE_PREF_SIZE);
        endorse.setTooltip(new Tooltip(text.getString("audit.endorseTooltip")));
        endorse.disableProperty().bind(keyFile.textProperty().isEmpty().or(passphrase.textProperty().isEmpty())
                .or(model.loadingProperty()));
        endorse.setOnAction(e -> {
            char[] secret = passphrase.getText().toCharArray();
            passphrase.clear();
            model.endorse(Path.of(keyFile.getText().strip()), secret);
        });
        // the whole note, key id included, however narrow the pane: it is what the endorser checks
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setMaxWidth(Double.MAX_VALUE);
        VBox row = new VBox(6, note, endorse);
        row.visibleProperty().bind(model.awaitingEndorsementProperty().isNotNull());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static final List<String> STANDING_STYLES = List.of("success", "warning", "danger");

    /**
     * AtlantaFX's success / warning / danger colors, with the ✔ / ⚠ / ✖ in the text for grayscale and color-blind
     * readers; a log not verified (it could not be opened) is danger.
     */
    private static void badgeStyle(Node node, Integrity integrity) {
        node.getStyleClass().removeAll(STANDING_STYLES);
        node.getStyleClass().add(integrity == Integrity.VERIFIED ? "success"
                : integrity == Integrity.TAMPERED || integrity == null ? "danger" : "warning");
    }

    /** Columns as wide as their text in the view's font; the table scrolls sideways when they do not fit. */
    private <S> FittedColumns<S> fittedColumns(TableView<S> table) {
        return new FittedColumns<>(table,
                Bindings.createDoubleBinding(() -> readOnly.getFont().getSize(), readOnly.fontProperty()), false);
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> value, FittedColumns<S> fitted) {
        TableColumn<S, String> column = new TableColumn<>(text.getString(key));
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        fitted.fit(column, value);
        return column;
    }

    /** As wide as its text while there is room; narrower, its cells wrap between words. */
    private <S> TableColumn<S, String> wrappingColumn(String key, Function<S, String> value, FittedColumns<S> fitted) {
        TableColumn<S, String> column = column(key, value, fitted);
        column.setCellFactory(WrappingCell::new);
        fitted.wrapWhenNarrow(column);
        return column;
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(text.getString(key));
        column.setPrefWidth(width);
        // short values (dates, ids, badges) stay readable; the last column takes what is left
        column.setMinWidth(width);
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        // a rationale, a gate's reason or a problem wraps at any text size instead of ending in "…"
        column.setCellFactory(WrappingCell::new);
        return column;
    }

    /**
     * A column of the comparison: {@code ems} wide to start with, then sharing the table's width with the others in
     * that proportion, never narrower than {@link #COMPARED_MIN_SHARE} of it, its text wrapped.
     */
    private <S> TableColumn<S, String> sharingColumn(String key, Function<S, String> value, double ems) {
        TableColumn<S, String> column = new TableColumn<>(text.getString(key));
        DoubleBinding em = Bindings.createDoubleBinding(() -> readOnly.getFont().getSize(), readOnly.fontProperty());
        // set, not bound: the resize policy and the user still resize it
        column.setPrefWidth(em.get() * ems);
        em.addListener((obs, was, now) -> column.setPrefWidth(now.doubleValue() * ems));
        column.minWidthProperty().bind(em.multiply(ems * COMPARED_MIN_SHARE));
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        column.setCellFactory(WrappingCell::new);
        return column;
    }

    /**
     * A signed time ("2026-12-06T06:58:03.694442Z") has no space to break at: in a Value column a few pixels too
     * narrow it ended in a lone "Z" on a second line (1366×768), or broke twice (1280×720). The Value column is kept
     * as wide as a time in the font in use, the field names wrapping (down to {@link #FIELD_MIN_EMS}) to make the
     * room, where the table has that room beside them: in large text on a laptop a time does not fit the detail pane,
     * and it wraps there as before rather than cut a column off behind a sideways scroll bar.
     */
    private void keepTimestampsOnOneLine(TableView<?> details, TableColumn<?, String> field,
                                         TableColumn<?, String> value) {
        DoubleBinding em = Bindings.createDoubleBinding(() -> readOnly.getFont().getSize(), readOnly.fontProperty());
        field.minWidthProperty().bind(em.multiply(FIELD_MIN_EMS));
        value.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text measure = new Text(TIMESTAMP_SHAPE);
            measure.setFont(Font.font(CellFont.FAMILY, em.get()));
            double time = Math.ceil(measure.getLayoutBounds().getWidth() + WRAPPING_CELL_PADDING);
            double left = details.getWidth() - field.getMinWidth() - SCROLL_BAR_AND_BORDERS;
            return time <= left ? Math.max(VALUE_MIN_WIDTH, time) : VALUE_MIN_WIDTH;
        }, em, details.widthProperty(), field.minWidthProperty()));
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }
}
