package org.verdict.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.core.summary.SummaryComparison;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.settings.UserDataFolder;
import org.verdict.settings.UserSettings;
import org.verdict.ui.audit.AuditView;
import org.verdict.ui.audit.AuditViewModel;
import org.verdict.ui.audit.AuditedLogs;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.chart.ChartWarmUp;
import org.verdict.ui.compare.CompareView;
import org.verdict.ui.compare.CompareViewModel;
import org.verdict.ui.compare.ComparisonRunner;
import org.verdict.ui.decision.DecisionAppender;
import org.verdict.ui.decision.DecisionDialog;
import org.verdict.ui.decision.RecordDecisionAction;
import org.verdict.ui.files.SystemChooser;
import org.verdict.ui.report.ApprovalPackFolder;
import org.verdict.ui.report.ExportApprovalPackAction;
import org.verdict.ui.report.ExportSigningDialog;
import org.verdict.ui.error.ApplicationLog;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.error.UnexpectedErrors;
import org.verdict.ui.gates.EvidenceView;
import org.verdict.ui.gates.GatesView;
import org.verdict.ui.gates.GatesViewModel;
import org.verdict.ui.overview.OverviewView;
import org.verdict.ui.overview.OverviewViewModel;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.shell.BundledSample;
import org.verdict.ui.shell.HigherLimitOpening;
import org.verdict.ui.shell.MainViewModel;
import org.verdict.ui.shell.MainWindow;
import org.verdict.ui.shell.Navigator;
import org.verdict.ui.shell.PackAction;
import org.verdict.ui.shell.PackView;
import org.verdict.ui.shell.PathDialog;
import org.verdict.ui.shell.SessionPackLimits;
import org.verdict.ui.summarize.SummarizeRowsDialog;
import org.verdict.ui.summarize.SummarizeRowsViewModel;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.task.StallDetector;
import org.verdict.ui.task.WorkerPoolExecutor;
import org.verdict.ui.theme.Appearance;
import org.verdict.ui.theme.CellFont;

/**
 * The composition root of the desktop app: the one place that creates the executor, settings, theme and views and
 * wires them together by constructor. Views are mounted in the {@code views} list (navigation order; the n-th gets
 * Ctrl+n); File-menu commands on the open pack in the {@code packActions} list.
 */
public final class VerdictApp extends Application {
    /** Starts the desktop app; the launcher calls this so that only the UI package touches JavaFX. */
    public static void open(String... args) {
        open(PackLimits.DEFAULTS, args);
    }

    /**
     * @param limits what a pack may hold, raised from the defaults by {@code verdict PACK --max-slice-values N}: the
     *               app is started once, so they are kept for the instance JavaFX makes
     */
    public static void open(PackLimits limits, String... args) {
        packLimits = limits;
        PrismPipeline.chooseBeforeToolkitStarts();
        launch(VerdictApp.class, args);
    }

    /** The limits every pack this process's app opens is read within. */
    private static PackLimits packLimits = PackLimits.DEFAULTS;

    private static final Logger LOG = Logger.getLogger(VerdictApp.class.getName());
    /**
     * Compare's chart follows the slice filter once typing has paused this long: longer than the gap between two keys
     * of someone typing steadily (150–200 ms at 60–80 words a minute), short enough to read as following the table.
     */
    private static final javafx.util.Duration FILTER_TYPING_PAUSE = javafx.util.Duration.millis(250);

    private WorkerPoolExecutor executor;

    @Override
    public void start(Stage stage) {
        StartupTiming timing = new StartupTiming();
        UserDataFolder dataFolder = UserDataFolder.fromSystem();
        String logLocation = installLog(dataFolder);
        ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages", Locale.getDefault());
        UserSettings settings = UserSettings.load(dataFolder.settingsFile());
        CellFont.ensureAvailable();
        Appearance appearance = new Appearance(settings.darkTheme(), settings.largeText());
        ProblemDialog problems = new ProblemDialog(text);
        UnexpectedErrors unexpected = new UnexpectedErrors(problems, text, () -> stage, logLocation);
        executor = new WorkerPoolExecutor(2, unexpected);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> executor.reportUnhandled(failure));
        ActivityMonitor activity = new ActivityMonitor(System::currentTimeMillis);

        // one loader for row-level and summary packs, so every view and action opens either the same way
        SessionPackLimits limits = new SessionPackLimits(packLimits);
        PackLoader loader = SummaryPacks.loader(limits::current);
        MainViewModel main = new MainViewModel(loader::load, executor, activity, settings,
                dataFolder.defaultDecisionStore(), text.getString("open.activity"));
        DividerMemory dividers = new DividerMemory(settings);
        PathDialog paths = new PathDialog(text);
        ChartPane.SaveTarget saveTarget = extension -> askSaveTarget(stage, text, paths, extension);

        // No view is built before the first frame: it shows the menus, the navigation and the status bar, and
        // Compare, the view on screen at start, is built once that frame is drawn, the others after it.
        OverviewViewModel overviewModel = new OverviewViewModel(text);
        PackView overview = new PackView("overview", text.getString("view.overview"),
                () -> new OverviewView(overviewModel, text).node(), overviewModel::showPack);
        ComparisonEngine engine = new ComparisonEngine();
        CompareViewModel compareModel = new CompareViewModel(ComparisonRunner.underPolicy(new SummaryComparison(engine)::compare),
                engine::confusionMatrix, executor,
                activity, text, ComparisonOptions.DEFAULTS, QuietPeriod.of(FILTER_TYPING_PAUSE));
        PackView compare = new PackView("compare", text.getString("view.compare"), () -> new CompareView(compareModel,
                text, executor, new ChartPane(appearance, text, saveTarget, executor), dividers).node(),
                compareModel::showPack);

        ResourceBundle gatesText = ResourceBundle.getBundle("org.verdict.ui.gates.gates", Locale.getDefault());
        GateReview gateReview = new GateReview(engine, loader, new SuiteReader(), new PolicyReader());
        AtomicReference<Navigator> navigator = new AtomicReference<>();
        GatesViewModel gatesModel = new GatesViewModel(
                gateReview::reviewUnderItsPolicy,
                executor, activity, gatesText, viewId -> navigator.get().show(viewId),
                compareModel.candidateProperty());
        // until a pack has opened, Compare, Gates and Evidence say which one is loading instead of asking for one
        gatesModel.followOpening(main.openingProperty());
        compareModel.followOpening(main.openingProperty());
        overviewModel.showVerdictOf(gatesModel.verdict());
        overviewModel.showOtherMetricsOf(compareModel.reportProperty());
        overviewModel.showWorseSlicesOf(Bindings.createObjectBinding(() -> gatesModel.reviewedProperty().get() == null
                ? null : gatesModel.reviewedProperty().get().review().evidence().worseFindings(),
                gatesModel.reviewedProperty()));
        PackView gates = new PackView(GatesViewModel.VIEW_ID, gatesText.getString("view.gates"),
                () -> new GatesView(gatesModel, gatesText).node(), gatesModel::showPack);
        // The evidence follows the Gates view-model, which computes it once per pack.
        EvidenceCharts evidenceCharts = new EvidenceCharts();
        PackView evidence = PackView.independentOfPack(GatesViewModel.EVIDENCE_VIEW_ID,
                gatesText.getString("view.evidence"), () -> new EvidenceView(gatesModel, gatesText, evidenceCharts,
                        () -> new ChartPane(appearance, text, saveTarget, executor), executor).node());

        ResourceBundle auditText = AuditView.defaultText();
        AuditViewModel auditModel = new AuditViewModel(executor, activity, auditText, AuditedLogs.onDisk(),
                new LogVerifier());
        // the status bar names the log Audit has open; decisions are still signed into the store in use
        main.followAudit(auditModel.openedStoreProperty());
        // and Audit, with no log open, names the store in use as the status bar does
        auditModel.storeInUseProperty().bind(main.decisionStoreProperty());
        PackView audit = new PackView("audit", auditText.getString("audit.title"),
                () -> new AuditView(auditModel, auditText, paths::askForFile).node(),
                pack -> auditModel.showAppStoreIfNoneOpen(main.decisionStoreProperty().get()));
        // A decision is about the candidate the board is looking at in Compare (the pack's first until one is chosen).
        RecordDecisionAction recordDecision = new RecordDecisionAction(executor,
                gateReview::reviewUnderItsPolicy,
                pack -> chosenCandidateOf(pack, compareModel.candidateProperty().get()), gatesModel::reviewOf,
                main.decisionStoreProperty(), main::lastKeyFile, () -> stage,
                signed -> {
                    main.decisionSigned(signed.store(), signed.keyFile());
                    auditModel.recordSignedInto(signed.store());
                },
                DecisionDialog.defaultText(), DecisionAppender.onDisk(), Clock.systemDefaultZone());

        // The export writes the review the Gates view already judged for the same pack and candidate, if it has one.
        ExportApprovalPackAction exportApprovalPack = new ExportApprovalPackAction(ExportApprovalPackAction.Exporter.of(
                new ApprovalPackExport(loader, gateReview, new ApprovalPackWriter())), gatesModel::reviewOf,
                executor, activity, problems, () -> stage, (owner, suggested) -> chooseExportFolder(owner, text,
                        paths, suggested).map(main::approvalPackFolderChosen), main::lastApprovalPackFolder,
                ApprovalPackFolder.ofSystem(),
                compareModel.candidateProperty()::get, main.decisionStoreProperty()::get,
                auditModel.trustedSignersProperty()::get, new ExportSigningDialog(text, paths)::choose,
                main::lastKeyFile, text);
        MainWindow window = new MainWindow(main, views(overview, compare, gates, evidence, audit),
                packActions(recordDecision, exportApprovalPack), appearance, text, problems,
                packChooser(text, paths), new HigherLimitOpening(loader, limits, main, executor, activity, text,
                        ComparisonOptions.DEFAULTS.minSliceSize()));
        navigator.set(window);
        window.listViewShortcuts(text.getString("view.compare"), CompareView.shortcuts(text));
        addSummarizeRows(window, main, dataFolder, executor, activity, text, problems);
        window.selectBeforeBuilding("compare");
        window.install(stage, () -> {
            settings.setDarkTheme(appearance.darkProperty().get());
            settings.setLargeText(appearance.largeTextProperty().get());
            main.saveSettings();
            Platform.exit();
        });
        // Loading starts once the window is on screen: on a 2-core laptop it would otherwise compete with the
        // first frame for the CPU.
        timing.afterFirstFrame(stage, () -> {
            // The pack opens on a worker while this thread builds Compare: the two cores share the work.
            // `verdict PACK` (the launcher only passes an existing pack folder or .zip) opens that pack, as Open pack… does
            // an app a test harness builds, rather than launch(), has no parameters
            List<String> named = getParameters() == null ? List.of() : getParameters().getRaw();
            if (named.size() == 1) {
                window.openPack(Path.of(named.get(0)).toAbsolutePath(), true);
            } else {
                openFirstPack(settings, window);
            }
            window.showSelected();
            // decoding six PNGs is no work for the first frame: the window manager takes the icons when they come
            stage.getIcons().addAll(icons());
            ChartWarmUp.startInBackground(Duration.ofSeconds(1));
            // One view per event, so the FX thread gets to draw and handle input between them.
            List.of(overview, gates, evidence, audit).forEach(view -> Platform.runLater(view::build));
            auditModel.showAppStoreIfNoneOpen(main.decisionStoreProperty().get());
        });
        timing.showCalled();
        stage.show();
        if (StallDetector.enabled()) {
            StallDetector.fromSystemProperties().start();
        }
    }

    /**
     * File → Summarise rows…: DuckDB turns a Parquet or CSV file or folder into a summary pack in the background,
     * using all cores and spilling to disk beyond 2 GB, then the pack opens like any other.
     */
    private static void addSummarizeRows(MainWindow window, MainViewModel main, UserDataFolder dataFolder,
                                         WorkerPoolExecutor executor, ActivityMonitor activity, ResourceBundle text,
                                         ProblemDialog problems) {
        SummarizeRowsViewModel model = new SummarizeRowsViewModel(
                SummarizeRowsViewModel.Summarizer.duckDb("2GB", Runtime.getRuntime().availableProcessors()),
                executor, activity, dataFolder.summaries(), Clock.systemDefaultZone(),
                pack -> window.openPack(pack, true), text);
        SummarizeRowsDialog dialog = new SummarizeRowsDialog(model, text, problems);
        // the dialog has closed by the time the summary ends: the status bar says what became of it
        main.followOutcomes(model.outcomeProperty());
        window.addFileCommand("menuSummarizeRows", text.getString("menu.file.summarize"),
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> dialog.show(window.window()));
    }

    /** The screens in navigation order; the n-th gets Ctrl+n in the View menu. */
    private static List<PackView> views(PackView overview, PackView compare, PackView gates, PackView evidence,
                                        PackView audit) {
        return List.of(overview, compare, gates, evidence, audit);
    }

    /** File-menu commands on the open pack (e.g. export approval pack, record decision). */
    private static List<PackAction> packActions(RecordDecisionAction recordDecision,
                                                ExportApprovalPackAction exportApprovalPack) {
        return List.of(recordDecision.packAction(), exportApprovalPack.packAction());
    }

    /** @param suggested a new folder to propose; the system's chooser opens in the folder that would hold it */
    private static Optional<Path> chooseExportFolder(Window owner, ResourceBundle text, PathDialog paths,
                                                     Path suggested) {
        String title = text.getString("export.chooserTitle");
        return paths.ask(owner, title, suggested, SystemChooser.folder(title, suggested.getParent()));
    }

    /** The candidate chosen in Compare if it belongs to this pack, else null: the pack's first candidate. */
    private static String chosenCandidateOf(ReviewPack pack, String chosen) {
        return pack.manifest().candidates().stream().map(ModelVersion::version).anyMatch(v -> v.equals(chosen))
                ? chosen : null;
    }

    /**
     * The last pack if it still exists, else the bundled sample (not remembered: it is only a demo). Chosen in the
     * background: the last pack may be on a network share that is asleep, and the sample is copied out of the jar.
     */
    private void openFirstPack(UserSettings settings, MainWindow window) {
        Optional<Path> last = settings.lastPack();
        BundledSample sample = new BundledSample(Path.of("").toAbsolutePath());
        executor.run(progress -> firstPack(last, sample))
                .onSuccess(first -> first.ifPresent(pack -> window.openPack(pack.path(), pack.remember())))
                .start();
    }

    /** @param remember whether the pack goes into the recent packs (the sample does not) */
    private record FirstPack(Path path, boolean remember) {
    }

    private static Optional<FirstPack> firstPack(Optional<Path> last, BundledSample sample) throws IOException {
        if (last.isPresent() && Files.exists(last.get())) {
            return Optional.of(new FirstPack(last.get(), true));
        }
        Optional<Path> inCheckout = sample.inCheckout();
        return (inCheckout.isPresent() ? inCheckout : sample.extractFromClassPath())
                .map(folder -> new FirstPack(folder, false));
    }

    private static String installLog(UserDataFolder dataFolder) {
        try {
            return ApplicationLog.install(dataFolder.logs()).toString();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot write the log file in " + dataFolder.logs() + "; logging to the console", e);
            return "the console";
        }
    }

    /**
     * Open pack… and Open pack folder… ask through a path field with Browse… for the system's chooser, which can be
     * blank or missing under a plain X session.
     */
    private static MainWindow.PackChooser packChooser(ResourceBundle text, PathDialog paths) {
        return new MainWindow.PackChooser() {
            @Override
            public Optional<Path> choosePack(Window owner) {
                String title = text.getString("open.chooserTitle");
                return paths.askForFile(owner, title, null, new FileChooser.ExtensionFilter(
                        text.getString("open.chooserFilter"), "*.zip", "manifest.json")).map(chosen -> chosen.getFileName() != null
                        // Choosing a folder's manifest.json means the folder itself.
                        && chosen.getFileName().toString().equals("manifest.json") ? chosen.getParent() : chosen);
            }

            @Override
            public Optional<Path> choosePackFolder(Window owner) {
                String title = text.getString("open.folderChooserTitle");
                return paths.ask(owner, title, null, SystemChooser.folder(title, null));
            }
        };
    }

    private static Optional<Path> askSaveTarget(Stage stage, ResourceBundle text, PathDialog paths,
                                                String extension) {
        String title = text.getString("chart.saveTitle");
        Path suggested = UserDataFolder.userHome().resolve("verdict-chart." + extension);
        return paths.ask(stage, title, suggested, SystemChooser.saveFile(title, suggested,
                new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension)));
    }

    private static List<Image> icons() {
        return List.of(16, 32, 48, 64, 128, 256).stream()
                .map(size -> VerdictApp.class.getResource("/org/verdict/ui/icon/verdict-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
