package org.verdict.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;
import org.verdict.settings.UserSettings;

/**
 * The whole app, as its composition root builds it, in a 1366×768 window in large text with the sample pack open: the
 * window's content is never laid out wider than the window, so neither a view's right edge nor the status bar's text
 * is cut at the screen's edge. The status bar sits outside every view: a minimum width there widened them all.
 */
@ExtendWith(ApplicationExtension.class)
class WholeWindowLaptopTest {
    private static final double WIDTH = 1366;
    private static final double HEIGHT = 768;

    @TempDir
    static Path folder;

    private AppInItsOwnHome app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // a folder named other than its model, and a log of a long name: the bar names both (what the finding had)
        Path pack = folder.resolve("support-router-retrained-on-november-tickets");
        copyFolder(Path.of("sample-data", "support-router").toAbsolutePath(), pack);
        Path board = folder.resolve("support-routing-review-board-decisions-2026.db");
        try (DecisionLog log = DecisionLog.openForWriting(board)) {
            log.append(LedgerFixtures.retraining("the board's first decision"),
                    LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD));
        }
        Path key = Files.writeString(folder.resolve("ada.key.json"), "{}");
        app = AppInItsOwnHome.start(stage, folder.resolve("home"), settings -> {
            settings.decisionSigned(board, key);
            settings.setLargeText(true);
            settings.setWindow(new UserSettings.WindowBounds(0, 0, WIDTH, HEIGHT, false));
            settings.packOpened(pack);
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void noViewNorTheStatusBarIsLaidOutWiderThanTheWindowInLargeText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#statusPackHash").tryQueryAs(Label.class)
                .map(hash -> !hash.getText().isEmpty()).orElse(false));
        for (String view : new String[] {"overview", "compare", "gates", "evidence", "audit"}) {
            robot.clickOn("#nav-" + view);
            WaitForAsyncUtils.waitForFxEvents();
            Parent root = stage.getScene().getRoot();
            double sceneWidth = stage.getScene().getWidth();
            assertTrue(sceneWidth <= WIDTH, "the scene is " + sceneWidth + " px wide");
            assertTrue(root.getLayoutBounds().getWidth() <= sceneWidth && root.minWidth(-1) <= sceneWidth,
                    "in " + view + " the window's root is " + root.getLayoutBounds().getWidth() + " px wide, at least "
                            + root.minWidth(-1) + ", in a window " + sceneWidth + " px wide: " + widest(root));
            Region bar = robot.lookup(".status-bar").queryAs(Region.class);
            assertTrue(bar.getWidth() <= sceneWidth && bar.minWidth(-1) <= sceneWidth,
                    "the status bar is " + bar.getWidth() + " px wide, at least " + bar.minWidth(-1));
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    /** The children of the root with their minimum widths, to name what holds the window open. */
    private static String widest(Parent root) {
        StringBuilder widths = new StringBuilder();
        root.getChildrenUnmodifiable().forEach(child -> widths.append(child.getClass().getSimpleName())
                .append(child.getStyleClass()).append(" min ").append(child.minWidth(-1)).append("; "));
        return widths.toString();
    }
}
