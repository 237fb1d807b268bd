package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.settings.UserSettings;
import org.verdict.ui.NoPackChooser;
import org.verdict.ui.SharedStage;
import org.verdict.ui.compare.CompareView;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.overview.OverviewView;
import org.verdict.ui.overview.OverviewViewModel;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/** The main window with the real pack loader, an Overview and a placeholder second view, run synchronously. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private MainWindow window;
    private MainViewModel model;
    private Appearance appearance;
    private Path settingsFile;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        settingsFile = Files.createTempDirectory(folder, "home").resolve("settings.json");
        UserSettings settings = UserSettings.load(settingsFile);
        appearance = new Appearance(false, false);
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        model = new MainViewModel(new PackLoader()::load, executor, new ActivityMonitor(System::currentTimeMillis),
                settings, folder.resolve("decisions.db"), text.getString("open.activity"));
        Label gates = new Label("gates placeholder");
        gates.setId("gatesView");
        OverviewViewModel overview = new OverviewViewModel(text);
        // a second mounted view, to check navigation and shortcuts without the comparison engine
        window = new MainWindow(model,
                List.of(new PackView("overview", "Overview", () -> new OverviewView(overview, text).node(),
                                overview::showPack),
                        PackView.independentOfPack("gates", "Gates", () -> gates)),
                List.of(), appearance, text, new ProblemDialog(text), new NoPackChooser());
        window.install(stage, () -> { });
        stage.show();
    }

    @AfterEach
    void closeDialogs() throws Exception {
        SharedStage.release(stage);
    }

    private Path goodPack(String name) {
        return PackFixture.write(folder.resolve(name), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
    }

    private void open(FxRobot robot, Path pack) {
        robot.interact(() -> window.openPack(pack, true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Without remembered bounds the window opens where {@link StartingBounds} puts it on the primary screen. */
    @Test
    void aFirstStartOpensTheWindowAtTheStartingBoundsOfTheScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        StartingBounds start = StartingBounds.on(screen);
        assertEquals(start.bounds(), new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()), "on a screen of " + screen);
        assertEquals(start.maximized(), stage.isMaximized());
    }

    /**
     * The status bar names the store in use: after a decision is signed into another log, that one; the log and
     * key file are remembered (never the passphrase) and the log is the store in use after a restart.
     */
    @Test
    void aDecisionSignedIntoAnotherLogMakesItTheStoreInUseAndIsRemembered(FxRobot robot) throws Exception {
        assertEquals("Decision store: " + folder.resolve("decisions.db"), text(robot, "#statusStore"));
        Path board = folder.resolve("board-decisions.db");
        Files.writeString(board, "");
        Path key = Files.writeString(folder.resolve("ada.key.json"), "{}");
        robot.interact(() -> model.decisionSigned(board, key));
        assertEquals("Decision store: " + board, text(robot, "#statusStore"));
        assertEquals(Optional.of(key), model.lastKeyFile());

        String saved = Files.readString(settingsFile);
        assertTrue(saved.contains(board.toString()) && saved.contains(key.toString()), saved);
        assertFalse(saved.toLowerCase(Locale.ROOT).contains("passphrase"), saved);
        MainViewModel restarted = new MainViewModel(new PackLoader()::load, new CurrentThreadExecutor(),
                new ActivityMonitor(System::currentTimeMillis), UserSettings.load(settingsFile),
                folder.resolve("decisions.db"), "Opening");
        assertEquals(board, restarted.decisionStoreProperty().get());
        Files.delete(board);
        MainViewModel logGone = new MainViewModel(new PackLoader()::load, new CurrentThreadExecutor(),
                new ActivityMonitor(System::currentTimeMillis), UserSettings.load(settingsFile),
                folder.resolve("decisions.db"), "Opening");
        assertEquals(folder.resolve("decisions.db"), logGone.decisionStoreProperty().get(),
                "a remembered log that is gone gives way to the app's own");
    }

    /**
     * A log opened in Audit is named beside the store in use, not in its place: the store in use (the log decisions
     * are signed into) stays until a decision is signed elsewhere.
     */
    /** A summary runs after its dialog has closed: the status bar is where a cancelled one says nothing was written. */
    @Test
    void theOutcomeOfWorkWhoseDialogHasClosedIsShownInTheStatusBar(FxRobot robot) {
        SimpleStringProperty outcome = new SimpleStringProperty("");
        robot.interact(() -> model.followOutcomes(outcome));
        assertFalse(robot.lookup("#statusNotice").query().isVisible(), "nothing has ended yet");

        robot.interact(() -> outcome.set("Summary cancelled; nothing was written."));
        assertTrue(robot.lookup("#statusNotice").query().isVisible());
        assertEquals("Summary cancelled; nothing was written.", text(robot, "#statusNotice"));
    }

    /**
     * The log Audit has open is named with its folder: a copy of the store in use, decisions.db too, read as the
     * same log ("Decision store: decisions.db (Audit shows decisions.db, read-only)").
     */
    @Test
    void aLogOpenedInAuditIsNamedBesideTheStoreInUseWithoutReplacingIt(FxRobot robot) {
        SimpleObjectProperty<Path> openedInAudit = new SimpleObjectProperty<>();
        robot.interact(() -> model.followAudit(openedInAudit));
        assertFalse(robot.lookup("#statusAudited").query().isVisible(), "Audit has nothing open");

        robot.interact(() -> openedInAudit.set(folder.resolve("other-team.db")));
        assertEquals("Decision store: " + folder.resolve("decisions.db"), text(robot, "#statusStore"));
        assertTrue(robot.lookup("#statusAudited").query().isVisible());
        assertEquals("(Audit shows " + folder.resolve("other-team.db") + ", read-only)", text(robot, "#statusAudited"));

        Path copy = folder.resolve("tamper").resolve("decisions.db");
        robot.interact(() -> openedInAudit.set(copy));
        String audited = text(robot, "#statusAudited");
        assertTrue(audited.startsWith("(Audit shows /") && audited.endsWith("/tamper/decisions.db, read-only)"),
                audited);
        assertEquals(copy.toString(), robot.lookup("#statusAudited").queryAs(Label.class).getTooltip().getText());

        robot.interact(() -> openedInAudit.set(folder.resolve("decisions.db")));
        assertFalse(robot.lookup("#statusAudited").query().isVisible(), "the store in use is named once");
    }

    @Test
    void openingAPackShowsItInTheStatusBarAndOverview(FxRobot robot) {
        open(robot, goodPack("router-a"));

        assertTrue(text(robot, "#statusPack").contains("router"), text(robot, "#statusPack"));
        assertTrue(text(robot, "#statusPackHash").startsWith("Pack hash "), text(robot, "#statusPackHash"));
        assertEquals("router", text(robot, "#overviewModelName"));
        assertEquals("An ML lead (tier 2)", text(robot, "#overviewApprovers"));
        assertTrue(text(robot, "#statusStore").contains("decisions.db"));
    }

    @Test
    void aBrokenPackShowsWhereAndWhatAndTheOpenPackStays(FxRobot robot) throws Exception {
        open(robot, goodPack("router-b"));
        Path broken = folder.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("manifest.json"), "{\n  \"format\": \"verdict-pack/1\",\n  \"model\": ,\n}\n");

        open(robot, broken);

        DialogPane dialog = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        assertEquals("Could not open the pack broken", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("manifest.json, line 3"), dialog.getContentText());
        assertTrue(dialog.getContentText().contains("The pack that was open (router) stays open."));
        assertTrue(text(robot, "#statusPack").contains("router-b"), "the old pack stays open");
        assertEquals("router", text(robot, "#overviewModelName"));
    }

    /** On a projector the error is as large as the table behind it, and in the same theme. */
    @Test
    void anErrorDialogWearsTheMainWindowsThemeAndTextSize(FxRobot robot) throws Exception {
        robot.interact(() -> {
            appearance.darkProperty().set(true);
            appearance.largeTextProperty().set(true);
        });
        Path broken = folder.resolve("broken-large");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("manifest.json"), "{ \"model\": , }\n");

        open(robot, broken);

        DialogPane dialog = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        double mainSize = robot.lookup("#statusPack").queryAs(Label.class).getFont().getSize();
        assertEquals(19, mainSize, 0.01, "the main window is in large text");
        assertEquals(mainSize, contentFontSize(dialog), 0.01);
        assertTrue(dialog.getScene().getRoot().getStyleClass().contains(Appearance.DARK_STYLE_CLASS));

        // the dialog follows the owner while it is open
        robot.interact(() -> appearance.largeTextProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(robot.lookup("#statusPack").queryAs(Label.class).getFont().getSize(), contentFontSize(dialog), 0.01);
        assertEquals(13, contentFontSize(dialog), 0.01);
    }

    private static double contentFontSize(DialogPane dialog) {
        dialog.applyCss();
        return ((Label) dialog.lookup(".content")).getFont().getSize();
    }

    /** The dialog places a problem where the command line does, from the same words of the core. */
    @Test
    void aMissingColumnIsPlacedInTheHeaderNotAtAColumn(FxRobot robot) {
        Path broken = PackFixture.write(folder.resolve("no-pred"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace(",pred_43", ",pred_44"));

        open(robot, broken);

        String content = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class).getContentText();
        assertTrue(content.startsWith("In primary.csv, line 1 (the header):\nneeds column pred_43"), content);
        assertFalse(content.contains("column 1"), content);
    }

    /** A slice value with a space after it would be a look-alike slice: the app refuses it where the command line does. */
    @Test
    void aSliceValueWithASpaceAfterItIsPlacedAtItsLineAndColumn(FxRobot robot) {
        Path padded = PackFixture.write(folder.resolve("padded"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e3,account,de,", "e3,account,de ,"));

        open(robot, padded);

        String content = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class).getContentText();
        assertTrue(content.startsWith("In primary.csv, line 4, column 3:\n(language) 'de ' has a space after it, so it"
                + " prints like 'de' but is another value"), content);
    }

    @Test
    void shortcutsSwitchViewsThemeAndTextSize(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gatesView").tryQuery().isPresent(), "Ctrl+2 shows the second view");
        assertFalse(robot.lookup("#overviewView").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#overviewView").tryQuery().isPresent(), "Ctrl+1 shows the first view");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.root().getStyleClass().contains(Appearance.DARK_STYLE_CLASS));
        assertTrue(appearance.darkProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.root().getStyleClass().contains(Appearance.LARGE_TEXT_STYLE_CLASS));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.root().getStyleClass().contains(Appearance.DARK_STYLE_CLASS), "the shortcut toggles back");
    }

    /**
     * The arrow keys in the navigation rail select the next entry, and the view shown follows: the rail never marks
     * Gates as the current view while Overview is still shown.
     */
    @Test
    void theArrowKeysInTheRailShowTheViewTheyMarkAsCurrent(FxRobot robot) {
        robot.interact(() -> window.show("overview"));
        robot.interact(() -> robot.lookup("#nav-overview").query().requestFocus());
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nav-gates").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#gatesView").tryQuery().isPresent(), "the view marked current is shown");
        assertFalse(robot.lookup("#overviewView").tryQuery().isPresent());

        robot.press(KeyCode.UP).release(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#overviewView").tryQuery().isPresent());
        robot.clickOn("#nav-overview");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nav-overview").queryAs(ToggleButton.class).isSelected(),
                "clicking the current entry keeps it current");
        assertTrue(robot.lookup("#overviewView").tryQuery().isPresent());
    }

    /**
     * The app's first frame holds no view: the view chosen for the start is marked in the rail but built only when
     * shown, and putting the window on a stage does not build the first view in its place.
     */
    @Test
    void aViewSelectedBeforeBuildingIsBuiltOnlyWhenShown(FxRobot robot) {
        int[] builds = new int[2];
        MainWindow deferred = new MainWindow(model, List.of(
                PackView.independentOfPack("first", "First", () -> {
                    builds[0]++;
                    return new Label("first");
                }),
                PackView.independentOfPack("second", "Second", () -> {
                    builds[1]++;
                    return new Label("second");
                })), List.of(), appearance, text, new ProblemDialog(text), new NoPackChooser());
        robot.interact(() -> {
            deferred.selectBeforeBuilding("second");
            deferred.install(new Stage(), () -> { });
        });
        ToggleButton second = (ToggleButton)
                deferred.root().lookup("#nav-second");
        assertTrue(second.isSelected(), "the rail marks the view that is coming");
        assertEquals(0, builds[0] + builds[1], "nothing built before it is shown");
        assertTrue(((Pane) deferred.root().getCenter()).getChildren().isEmpty());

        robot.interact(deferred::showSelected);
        assertEquals(List.of(0, 1), List.of(builds[0], builds[1]));
        assertEquals("second", ((Label) ((Pane) deferred.root().getCenter()).getChildren()
                .get(0)).getText());
    }

    /** A view the user chose between the first frame and the start's view being built stays on screen. */
    @Test
    void showingTheSelectedViewKeepsAViewChosenMeanwhile(FxRobot robot) {
        Label chosen = new Label("chosen");
        MainWindow deferred = new MainWindow(model, List.of(
                PackView.independentOfPack("first", "First", () -> new Label("first")),
                PackView.independentOfPack("second", "Second", () -> chosen)),
                List.of(), appearance, text, new ProblemDialog(text), new NoPackChooser());
        robot.interact(() -> {
            deferred.selectBeforeBuilding("first");
            deferred.install(new Stage(), () -> { });
            deferred.show("second");
            deferred.showSelected();
        });
        assertEquals(List.of(chosen), ((Pane) deferred.root().getCenter()).getChildren());
    }

    @Test
    void f1ListsEveryShortcutWithItsCommand(FxRobot robot) {
        robot.interact(() -> window.listViewShortcuts("Compare",
                CompareView.shortcuts(text)));
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        GridPane list = robot.lookup("#shortcutList").queryAs(GridPane.class);
        List<String> cells = list.getChildren().stream().map(node -> ((Label) node).getText()).toList();
        assertEquals("Ctrl+O", cells.get(0));
        assertEquals("Open pack…", cells.get(1));
        assertTrue(cells.contains("Dark theme") && cells.contains("Ctrl+Shift+D"), cells.toString());
        assertTrue(cells.contains("Gates") && cells.contains("Ctrl+2"), cells.toString());
        // the Compare view's own keys, which no menu holds, under its name
        int compare = cells.indexOf("In the Compare view");
        assertTrue(compare > cells.indexOf("Ctrl+2"), cells.toString());
        assertEquals(List.of("Ctrl+F", "Filter the slices (type over the filter)", "Ctrl+Shift+C", "Chart: hide or show",
                "Ctrl+Shift+F", "Δ forest plot", "Ctrl+Shift+M", "Per model chart"),
                cells.subList(compare + 1, compare + 9));
    }

    @Test
    void recentPacksAreListedMostRecentFirstRememberedAndReopenable(FxRobot robot) {
        Path first = goodPack("router-c");
        Path second = goodPack("router-d");
        open(robot, first);
        open(robot, second);

        List<String> recent = recentMenuItems().stream().map(MenuItem::getText).filter(t -> t != null && t.contains("router-"))
                .toList();
        assertEquals(2, recent.size());
        assertTrue(recent.get(0).startsWith("router-d"));
        assertTrue(recent.get(1).startsWith("router-c"));
        assertEquals(List.of(second, first), UserSettings.load(settingsFile).recentPacks(), "saved to the file");

        robot.clickOn("#menuFile").clickOn("#menuRecent").clickOn(recent.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#statusPack").contains("router-c"), text(robot, "#statusPack"));
    }

    private List<MenuItem> recentMenuItems() {
        MenuBar bar = (MenuBar) window.root().getTop();
        Menu file = bar.getMenus().get(0);
        Menu recent = (Menu) file.getItems().stream().filter(i -> "menuRecent".equals(i.getId())).findFirst()
                .orElseThrow();
        return recent.getItems();
    }
}
