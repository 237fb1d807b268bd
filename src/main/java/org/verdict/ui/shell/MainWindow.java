package org.verdict.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.SliceLimitExceeded;
import org.verdict.settings.UserSettings;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.theme.Appearance;
import org.verdict.ui.theme.OwnerLook;

/**
 * The main window: menu bar, a navigation rail of the mounted {@link PackView}s, the selected view, and the
 * status bar. Opening a pack (menu, recent list, drag and drop) goes through {@link MainViewModel}.
 */
public final class MainWindow implements Navigator {
    /** How the window asks the user for a pack: a folder, a .zip, or a manifest.json inside a folder. */
    public interface PackChooser {
        Optional<Path> choosePack(Window owner);

        Optional<Path> choosePackFolder(Window owner);
    }

    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;
    /** Each view's own keys by the view's name, in the order listed. */
    private final Map<String, Map<KeyCombination, String>> viewShortcuts = new LinkedHashMap<>();

    private final MainViewModel model;
    private final Appearance appearance;
    private final ResourceBundle text;
    private final ProblemDialog problems;
    /** Offers to open a pack refused for its slice values with a higher limit; null where it is not offered. */
    private final HigherLimitOpening higherLimit;
    private final PackChooser chooser;
    private final Map<String, PackView> views = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navigation = new LinkedHashMap<>();
    private final List<PackAction> packActions;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navigationGroup = new ToggleGroup();
    private final Menu recentMenu;
    private Menu fileMenu;
    private Runnable quit = () -> { };
    /** Set while {@link #selectBeforeBuilding} selects an entry, which must not build its view. */
    private boolean selectingOnly;

    public MainWindow(MainViewModel model, List<PackView> views, List<PackAction> packActions,
                      Appearance appearance, ResourceBundle text, ProblemDialog problems, PackChooser chooser) {
        this(model, views, packActions, appearance, text, problems, chooser, null);
    }

    /**
     * @param higherLimit offers "Open with a higher limit…" for a pack refused for its slice values; null where the
     *                    window offers only the refusal
     */
    public MainWindow(MainViewModel model, List<PackView> views, List<PackAction> packActions,
                      Appearance appearance, ResourceBundle text, ProblemDialog problems, PackChooser chooser,
                      HigherLimitOpening higherLimit) {
        this.model = model;
        this.higherLimit = higherLimit;
        this.appearance = appearance;
        this.text = text;
        this.problems = problems;
        this.chooser = chooser;
        this.packActions = List.copyOf(packActions);
        views.forEach(view -> this.views.put(view.id(), view));
        this.recentMenu = new Menu(text.getString("menu.file.recent"));
        recentMenu.setId("menuRecent");

        root.setId("mainWindow");
        root.setTop(menuBar());
        root.setLeft(navigationRail());
        content.getStyleClass().add("view-content");
        root.setCenter(content);
        root.setBottom(new StatusBar(model, text));
        // a pack that is broken or cannot be read: where and what, in a dialog; the open pack stays
        model.openFailureProperty().addListener((obs, old, failed) -> {
            if (failed != null) {
                reportOpenFailure(failed.source(), failed.problem());
            }
        });
        if (higherLimit != null) {
            higherLimit.proposalProperty().addListener((obs, old, proposal) -> {
                if (proposal != null) {
                    proposeHigherLimit(proposal);
                }
            });
        }
        appearance.applyTo(root);
        // Whether the dragged item is a pack is asked of the disk once per drag, when it enters the window, not on
        // every mouse move over it: a folder on a sleeping network share would stall the window at each move.
        boolean[] draggingPack = new boolean[1];
        root.setOnDragEntered(event -> draggingPack[0] = droppedPack(event.getDragboard()).isPresent());
        root.setOnDragOver(event -> {
            if (draggingPack[0]) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            Optional<Path> dropped = droppedPack(event.getDragboard());
            dropped.ifPresent(path -> openPack(path, true));
            event.setDropCompleted(dropped.isPresent());
            event.consume();
        });

        model.packProperty().addListener((obs, old, pack) -> {
            if (pack != null) {
                this.views.values().forEach(view -> view.showPack(pack));
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    /**
     * Puts the window on a stage: title, remembered bounds, and what happens on close.
     *
     * @param onQuit runs after the window's bounds are put in the settings; it saves them with the rest
     */
    public void install(Stage stage, Runnable onQuit) {
        this.quit = () -> {
            rememberBounds(stage);
            onQuit.run();
        };
        stage.setTitle(text.getString("app.title"));
        // The first view, unless the app chose one: a view is built when first shown (PackView), so
        // choosing in the constructor would build a view that is never on screen at start.
        if (content.getChildren().isEmpty() && navigationGroup.getSelectedToggle() == null && !views.isEmpty()) {
            show(views.keySet().iterator().next());
        }
        Optional<UserSettings.WindowBounds> remembered = model.settings().window()
                .filter(MainWindow::visibleOnSomeScreen);
        if (remembered.isPresent()) {
            UserSettings.WindowBounds bounds = remembered.get();
            stage.setScene(new Scene(root));
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        } else {
            // The first start sizes the scene, not the stage: a stage sized by hand keeps that size for any scene
            // shown on it later, where one sized by its scene follows the next scene.
            StartingBounds start = StartingBounds.on(Screen.getPrimary().getVisualBounds());
            Rectangle2D at = start.bounds();
            stage.setScene(new Scene(root, at.getWidth(), at.getHeight()));
            // a stage that was sized by hand before (a stage shared by tests) follows this scene too
            stage.sizeToScene();
            stage.setX(at.getMinX());
            stage.setY(at.getMinY());
            stage.setMaximized(start.maximized());
        }
        stage.setOnCloseRequest(e -> quit.run());
    }

    @Override
    public void show(String viewId) {
        PackView view = views.get(viewId);
        if (view == null) {
            throw new IllegalArgumentException("no view with id " + viewId + "; mounted: " + views.keySet());
        }
        content.getChildren().setAll(view.node());
        navigation.get(viewId).setSelected(true);
    }

    /**
     * Marks a view as the one on screen in the navigation without building it: its place stays empty until
     * {@link #showSelected} (or {@link #show}) puts it there. The composition root calls it before the first frame, so that frame holds the
     * menus, the navigation and the status bar only: a view's controls cost more to build, style and lay out than
     * the rest of the window.
     */
    public void selectBeforeBuilding(String viewId) {
        if (!views.containsKey(viewId)) {
            throw new IllegalArgumentException("no view with id " + viewId + "; mounted: " + views.keySet());
        }
        content.getChildren().clear();
        selectingOnly = true;
        try {
            navigation.get(viewId).setSelected(true);
        } finally {
            selectingOnly = false;
        }
    }

    /** Builds and shows the view the rail marks, unless a view is shown already (one the user chose meanwhile). */
    public void showSelected() {
        if (content.getChildren().isEmpty() && navigationGroup.getSelectedToggle() != null) {
            show((String) navigationGroup.getSelectedToggle().getUserData());
        }
    }

    /** Opens a pack; what went wrong is shown in a dialog (see the constructor), the open pack stays open. */
    public void openPack(Path source, boolean remember) {
        model.openPack(source, remember);
    }

    private void reportOpenFailure(Path source, Exception failure) {
        String stays = model.currentPack()
                .map(pack -> MessageFormat.format(text.getString("open.stillOpen"), pack.manifest().model().name()))
                .orElse("");
        String header = MessageFormat.format(text.getString("open.failed"), source.getFileName());
        if (failure instanceof PackException broken) {
            String where = MessageFormat.format(text.getString("open.where"), broken.location());
            Optional<SliceLimitExceeded> limit = higherLimit == null ? Optional.empty()
                    : HigherLimitOpening.offeredFor(broken);
            problems.show(window(), header,
                    where + "\n" + broken.problem() + "\n\n" + text.getString(limit.isPresent()
                            ? "open.higherLimitOrFix" : "open.fixAndRetry") + " " + stays,
                    "pack: " + source.toAbsolutePath() + "\n" + broken.getMessage(),
                    limit.isPresent() ? text.getString("open.higherLimit") : null,
                    () -> higherLimit.count(source, limit.orElseThrow()));
        } else {
            problems.show(window(), header, failure.getMessage() + "\n\n" + text.getString("open.checkAccess") + " "
                    + stays, "pack: " + source.toAbsolutePath() + "\n" + failure);
        }
    }

    /** What opening a pack beyond the limits costs, put to the person: open it, or leave it unopened. */
    private void proposeHigherLimit(HigherLimitOpening.Proposal proposal) {
        Alert ask = OwnerLook.ownedBy(new Alert(Alert.AlertType.CONFIRMATION), window());
        ask.setTitle(text.getString("limit.title"));
        ask.setHeaderText(MessageFormat.format(text.getString("limit.header"), proposal.source().getFileName()));
        ask.setContentText(proposal.cost());
        ask.getDialogPane().setId("higherLimitDialog");
        ask.setResizable(true);
        ButtonType open = new ButtonType(text.getString("limit.open"), ButtonBar.ButtonData.OK_DONE);
        ask.getButtonTypes().setAll(open, ButtonType.CANCEL);
        ask.resultProperty().addListener((obs, old, chosen) -> {
            if (chosen == open) {
                higherLimit.accept();
            } else {
                higherLimit.decline();
            }
        });
        ask.show();
    }

    private MenuBar menuBar() {
        MenuItem open = item("menuOpen", "menu.file.open", new KeyCodeCombination(KeyCode.O, SHORTCUT),
                () -> chooser.choosePack(window()).ifPresent(path -> openPack(path, true)));
        MenuItem openFolder = item("menuOpenFolder", "menu.file.openFolder",
                new KeyCodeCombination(KeyCode.O, SHORTCUT, KeyCombination.SHIFT_DOWN),
                () -> chooser.choosePackFolder(window()).ifPresent(path -> openPack(path, true)));
        rebuildRecentMenu();
        model.recentPacks().addListener((ListChangeListener<Path>) change -> rebuildRecentMenu());
        Menu file = new Menu(text.getString("menu.file"));
        file.setId("menuFile");
        fileMenu = file;
        file.getItems().addAll(open, openFolder, recentMenu);
        if (!packActions.isEmpty()) {
            file.getItems().add(new SeparatorMenuItem());
            for (PackAction action : packActions) {
                MenuItem entry = new MenuItem(action.title());
                entry.setId(action.id());
                entry.setAccelerator(action.shortcut());
                entry.disableProperty().bind(model.packProperty().isNull());
                entry.setOnAction(e -> model.currentPack().ifPresent(action.action()));
                file.getItems().add(entry);
            }
        }
        file.getItems().addAll(new SeparatorMenuItem(),
                item("menuQuit", "menu.file.quit", new KeyCodeCombination(KeyCode.Q, SHORTCUT), () -> quit.run()));

        Menu view = new Menu(text.getString("menu.view"));
        view.setId("menuView");
        int index = 1;
        for (PackView mounted : views.values()) {
            MenuItem entry = new MenuItem(mounted.title());
            entry.setId("menuView-" + mounted.id());
            if (index <= 9) {
                entry.setAccelerator(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + index), SHORTCUT));
            }
            entry.setOnAction(e -> show(mounted.id()));
            view.getItems().add(entry);
            index++;
        }
        CheckMenuItem dark = new CheckMenuItem(text.getString("menu.view.dark"));
        dark.setId("menuDarkTheme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, SHORTCUT, KeyCombination.SHIFT_DOWN));
        dark.selectedProperty().bindBidirectional(appearance.darkProperty());
        CheckMenuItem large = new CheckMenuItem(text.getString("menu.view.largeText"));
        large.setId("menuLargeText");
        large.setAccelerator(new KeyCodeCombination(KeyCode.L, SHORTCUT, KeyCombination.SHIFT_DOWN));
        large.selectedProperty().bindBidirectional(appearance.largeTextProperty());
        view.getItems().addAll(new SeparatorMenuItem(), dark, large);

        Menu help = new Menu(text.getString("menu.help"));
        help.setId("menuHelp");
        help.getItems().addAll(
                item("menuShortcuts", "menu.help.shortcuts", new KeyCodeCombination(KeyCode.F1), this::showShortcuts),
                item("menuGlossary", "menu.help.glossary",
                        new KeyCodeCombination(KeyCode.F1, KeyCombination.SHIFT_DOWN), this::showGlossary),
                item("menuAbout", "menu.help.about", null, this::showAbout));

        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * Adds a File-menu command that needs no open pack (e.g. one that makes a pack and opens it), after the open
     * commands and the recent packs.
     *
     * @param shortcut may be null
     */
    public void addFileCommand(String id, String title, KeyCombination shortcut, Runnable action) {
        MenuItem command = new MenuItem(title);
        command.setId(id);
        command.setAccelerator(shortcut);
        command.setOnAction(e -> action.run());
        fileMenu.getItems().add(fileMenu.getItems().indexOf(recentMenu) + 1, command);
    }

    /** Where a dialog of a File-menu command belongs; null before the window is on a stage. */
    public Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private MenuItem item(String id, String key, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem(text.getString(key));
        item.setId(id);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void rebuildRecentMenu() {
        List<MenuItem> items = new ArrayList<>();
        int index = 0;
        for (Path recent : model.recentPacks()) {
            MenuItem entry = new MenuItem(recent.getFileName() + "  —  " + recent.getParent());
            entry.setId("recent-" + index++);
            entry.setMnemonicParsing(false);
            entry.setOnAction(e -> openPack(recent, true));
            items.add(entry);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(text.getString("menu.file.recent.none"));
            none.setDisable(true);
            items.add(none);
        } else {
            items.add(new SeparatorMenuItem());
            items.add(item("menuClearRecent", "menu.file.recent.clear", null, model::clearRecentPacks));
        }
        recentMenu.getItems().setAll(items);
    }

    private VBox navigationRail() {
        VBox rail = new VBox(4);
        rail.getStyleClass().add("navigation-rail");
        int index = 1;
        for (PackView view : views.values()) {
            ToggleButton entry = new ToggleButton(view.title());
            entry.setId("nav-" + view.id());
            entry.setToggleGroup(navigationGroup);
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setUserData(view.id());
            if (index <= 9) {
                entry.setTooltip(new Tooltip(view.title() + " ("
                        + new KeyCodeCombination(KeyCode.valueOf("DIGIT" + index), SHORTCUT).getDisplayText() + ")"));
            }
            navigation.put(view.id(), entry);
            rail.getChildren().add(entry);
            index++;
        }
        // A selected entry stays selected: clicking it again must not leave the rail without a selection. The view
        // shown follows the selection, however it was made: the arrow keys select the next entry too, and a rail
        // that marked Gates as current while Compare was still shown told a keyboard user the wrong view.
        navigationGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            } else if (now != null && !selectingOnly) {
                show((String) now.getUserData());
            }
        });
        return rail;
    }

    /**
     * Lists a view's own keys (active while it is shown, so in no menu) in Help → Keyboard shortcuts, under the
     * view's name, after the menus' keys.
     */
    public void listViewShortcuts(String view, Map<KeyCombination, String> keys) {
        viewShortcuts.put(view, new LinkedHashMap<>(keys));
    }

    /** Every menu item with a shortcut, in menu order, then each view's own keys, in two aligned columns. */
    private void showShortcuts() {
        GridPane list = new GridPane();
        list.setId("shortcutList");
        list.setHgap(24);
        list.setVgap(4);
        int row = 0;
        for (Menu menu : ((MenuBar) root.getTop()).getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    Label keys = new Label(item.getAccelerator().getDisplayText());
                    keys.setStyle("-fx-font-weight: bold;");
                    list.addRow(row++, keys, new Label(item.getText()));
                }
            }
        }
        for (Map.Entry<String, Map<KeyCombination, String>> view : viewShortcuts.entrySet()) {
            Label heading = new Label(MessageFormat.format(text.getString("shortcuts.inView"), view.getKey()));
            heading.setStyle("-fx-font-weight: bold;");
            heading.setPadding(new Insets(8, 0, 0, 0));
            list.add(heading, 0, row++, 2, 1);
            for (Map.Entry<KeyCombination, String> key : view.getValue().entrySet()) {
                Label keys = new Label(key.getKey().getDisplayText());
                keys.setStyle("-fx-font-weight: bold;");
                list.addRow(row++, keys, new Label(key.getValue()));
            }
        }
        showInformation(text.getString("menu.help.shortcuts"), list);
    }

    private void showGlossary() {
        Alert glossary = OwnerLook.ownedBy(new Alert(
                Alert.AlertType.NONE, "", ButtonType.CLOSE), window());
        glossary.initModality(Modality.NONE);
        glossary.setTitle(text.getString("glossary.title"));
        glossary.setHeaderText(null);
        glossary.setResizable(true);
        glossary.getDialogPane().setContent(new Glossary(text).view());
        glossary.show();
    }

    private void showAbout() {
        Label about = new Label(text.getString("about.text"));
        about.setWrapText(true);
        showInformation(text.getString("menu.help.about"), about);
    }

    private void showInformation(String title, Node body) {
        Alert info = OwnerLook.ownedBy(
                new Alert(Alert.AlertType.INFORMATION), window());
        info.setTitle(title);
        info.setHeaderText(title);
        info.getDialogPane().setContent(body);
        info.show();
    }

    private static Optional<Path> droppedPack(Dragboard board) {
        if (!board.hasFiles() || board.getFiles().size() != 1) {
            return Optional.empty();
        }
        Path path = board.getFiles().get(0).toPath();
        boolean pack = Files.isDirectory(path) || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        return pack ? Optional.of(path) : Optional.empty();
    }

    private void rememberBounds(Stage stage) {
        model.settings().setWindow(new UserSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
    }

    private static boolean visibleOnSomeScreen(UserSettings.WindowBounds bounds) {
        return !Screen.getScreensForRectangle(new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height()))
                .isEmpty();
    }
}
