package org.verdict.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.task.Progress;

@ExtendWith(ApplicationExtension.class)
class ExportApprovalPackActionTest {
    @TempDir
    Path folder;

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @Test
    void progressWindowEndsWithTheFolderWrittenAndACloseButton(FxRobot robot) throws Exception {
        ReviewPack pack = new PackLoader().load(PackFixture.write(folder.resolve("pack"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE);
        ApprovalPackExportModel model = new ApprovalPackExportModel(
                new ApprovalPackExport(new PackLoader(), new ComparisonEngine(), new ApprovalPackWriter()), Runnable::run, Runnable::run);
        ExportApprovalPackAction action = new ExportApprovalPackAction(model, () -> pack, () -> null);
        Path out = folder.resolve("out");
        AtomicReference<Stage> window = new AtomicReference<>();

        robot.interact(() -> window.set(action.export(owner, pack, out)));
        WaitForAsyncUtils.waitForFxEvents();

        Label message = robot.from(window.get().getScene().getRoot()).lookup("#export-message").queryAs(Label.class);
        assertEquals("Wrote " + out, message.getText());
        Node close = robot.from(window.get().getScene().getRoot()).lookup("#export-close").query();
        assertTrue(close.isVisible());
        assertTrue(Files.exists(out.resolve("approval-pack.html")));
        robot.interact(() -> window.get().close());
    }
}
