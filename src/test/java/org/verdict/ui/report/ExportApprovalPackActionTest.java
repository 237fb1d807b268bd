package org.verdict.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.task.Progress;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.shell.PackAction;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;

@ExtendWith(ApplicationExtension.class)
class ExportApprovalPackActionTest {
    @TempDir
    Path folder;

    private Stage owner;
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages", Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w != owner && w instanceof Stage)
                .forEach(w -> ((Stage) w).close()));
    }

    private final PackLoader loader = new PackLoader();

    private ExportApprovalPackAction action(Path chosenFolder, String candidate) {
        return new ExportApprovalPackAction(
                new ApprovalPackExport(loader, new GateReview(new ComparisonEngine(), loader, new SuiteReader(),
                        new PolicyReader()), new ApprovalPackWriter()),
                executor, new ActivityMonitor(() -> 0), new ProblemDialog(text), () -> owner,
                window -> Optional.ofNullable(chosenFolder), () -> candidate, () -> folder.resolve("no-store.db"));
    }

    private ReviewPack pack() throws Exception {
        return new PackLoader().load(PackFixture.write(folder.resolve("pack"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    @Test
    void menuCommandWritesBothFilesIntoTheChosenFolderAndSaysWhere(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");
        PackAction command = action(out, null).packAction();
        assertEquals(ExportApprovalPackAction.ID, command.id());

        robot.interact(() -> command.action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(Files.exists(out.resolve("approval-pack.html")));
        assertTrue(Files.exists(out.resolve("approval-pack.pdf")));
        DialogPane written = robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAs(DialogPane.class);
        assertTrue(written.getHeaderText().contains(out.toString()), written.getHeaderText());
        assertTrue(executor.unhandledFailures().isEmpty());
    }

    @Test
    void cancellingTheFolderChooserWritesNothing(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        robot.interact(() -> action(null, null).packAction().action().accept(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#" + ExportApprovalPackAction.WRITTEN_DIALOG_ID).queryAll().isEmpty());
    }

    @Test
    void failureShowsTheProblemDialogAndWritesNothing(FxRobot robot) throws Exception {
        ReviewPack pack = pack();
        Path out = folder.resolve("out");

        robot.interact(() -> action(out, "99").exportTo(pack, out));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane problem = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        assertEquals("The approval pack was not written.", problem.getHeaderText());
        assertFalse(Files.exists(out.resolve("approval-pack.html")));
    }
}
