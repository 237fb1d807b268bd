package org.verdict.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.report.ApprovalPackExport;
import org.verdict.core.report.ApprovalPackWriter;
import org.verdict.core.task.Progress;
import org.verdict.ui.report.ApprovalPackExportModel.State;

class ApprovalPackExportModelTest {
    @TempDir
    Path folder;

    private final ApprovalPackExport export = new ApprovalPackExport(new PackLoader(), new ComparisonEngine(), new ApprovalPackWriter());

    private ReviewPack pack() throws PackException {
        Path source = PackFixture.write(folder.resolve("pack"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV);
        return new PackLoader().load(source, Progress.NONE);
    }

    @Test
    void exportEndsDoneWithBothFilesAndFullProgress() throws PackException {
        ApprovalPackExportModel model = new ApprovalPackExportModel(export, Runnable::run, Runnable::run);
        Path out = folder.resolve("out");

        model.start(pack(), null, out);

        assertEquals(State.DONE, model.stateProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertEquals(List.of(out.resolve("approval-pack.html"), out.resolve("approval-pack.pdf")),
                model.writtenFilesProperty().get());
        assertTrue(Files.exists(out.resolve("approval-pack.pdf")));
        assertFalse(model.runningProperty().get());
    }

    @Test
    void runsInTheBackgroundAndIsRunningUntilItEnds() throws PackException {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        ApprovalPackExportModel model = new ApprovalPackExportModel(export, later, Runnable::run);

        model.start(pack(), null, folder.resolve("out"));
        assertTrue(model.runningProperty().get());
        assertEquals(0.0, model.progressProperty().get());

        queued.get(0).run();

        assertEquals(State.DONE, model.stateProperty().get());
    }

    @Test
    void cancelledExportWritesNothing() throws PackException {
        List<Runnable> queued = new ArrayList<>();
        ApprovalPackExportModel model = new ApprovalPackExportModel(export, queued::add, Runnable::run);
        Path out = folder.resolve("out");

        model.start(pack(), null, out);
        model.cancel();
        queued.get(0).run();

        assertEquals(State.CANCELLED, model.stateProperty().get());
        assertFalse(Files.exists(out.resolve("approval-pack.html")));
        assertTrue(model.writtenFilesProperty().get().isEmpty());
    }

    @Test
    void failureIsReportedWithItsReason() throws PackException {
        ApprovalPackExportModel model = new ApprovalPackExportModel(export, Runnable::run, Runnable::run);

        model.start(pack(), "99", folder.resolve("out"));

        assertEquals(State.FAILED, model.stateProperty().get());
        assertTrue(model.messageProperty().get().contains("99"), model.messageProperty().get());
    }
}
