package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import org.verdict.core.pack.ReviewPack;
import org.verdict.settings.UserSettings;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.WorkerPoolExecutor;

/** Opening another pack closes the one it replaces: a replaced .zip pack leaves no unpacked copy behind. */
@ExtendWith(ApplicationExtension.class)
class PackReplacementTest {
    @TempDir
    Path folder;

    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    private WorkerPoolExecutor executor;

    @Start
    void start(Stage stage) {
        executor = new WorkerPoolExecutor(1, unhandled::add);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void replacingAZipPackDeletesItsUnpackedCopy(FxRobot robot) throws Exception {
        MainViewModel model = new MainViewModel(new PackLoader()::load, executor,
                new ActivityMonitor(System::currentTimeMillis), UserSettings.load(folder.resolve("settings.json")),
                folder.resolve("decisions.db"), "Opening");
        Path first = zip("first.zip");
        Path second = zip("second.zip");

        robot.interact(() -> model.openPack(first, false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.currentPack().isPresent());
        ReviewPack opened = model.currentPack().orElseThrow();
        assertTrue(Files.exists(opened.root().resolve("primary.csv")));

        robot.interact(() -> model.openPack(second, false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.currentPack().orElseThrow() != opened);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !Files.exists(opened.root()));
        assertTrue(Files.exists(model.currentPack().orElseThrow().root().resolve("primary.csv")),
                "the pack now open keeps its files");
        assertTrue(unhandled.isEmpty(), unhandled.toString());
        model.currentPack().orElseThrow().close();
    }

    private Path zip(String name) throws IOException {
        Path zip = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("manifest.json"));
            zipOut.write(PackFixture.MULTICLASS_MANIFEST.getBytes(StandardCharsets.UTF_8));
            zipOut.putNextEntry(new ZipEntry("primary.csv"));
            zipOut.write(PackFixture.MULTICLASS_CSV.getBytes(StandardCharsets.UTF_8));
            zipOut.closeEntry();
        }
        return zip;
    }
}
