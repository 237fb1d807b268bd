package org.verdict.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PrismPipeline}'s choice, with a device folder of the test's own in place of /dev. */
class PrismPipelineTest {
    private static final String LINUX = "Linux";

    @TempDir
    Path devices;

    @Test
    void linuxWithoutAnyGpuDeviceDrawsWithSoftware() throws IOException {
        Files.createFile(devices.resolve("null"));
        Files.createDirectory(devices.resolve("input"));
        assertTrue(PrismPipeline.softwareOnly(LINUX, null, null, devices));
    }

    @Test
    void anEmptyDriFolderHoldsNoGpu() throws IOException {
        Files.createDirectory(devices.resolve("dri"));
        assertTrue(PrismPipeline.softwareOnly(LINUX, null, null, devices));
    }

    @Test
    void aRenderNodeKeepsJavaFxsOrder() throws IOException {
        gpuDevice("dri/renderD128");
        assertFalse(PrismPipeline.softwareOnly(LINUX, null, null, devices));
    }

    @Test
    void aCardWithoutRenderNodeKeepsJavaFxsOrder() throws IOException {
        gpuDevice("dri/card0");
        assertFalse(PrismPipeline.softwareOnly(LINUX, null, null, devices));
    }

    @Test
    void nvidiasOwnDriverKeepsJavaFxsOrder() throws IOException {
        gpuDevice("nvidiactl");
        assertFalse(PrismPipeline.softwareOnly(LINUX, null, null, devices));
    }

    @Test
    void otherEntriesOfDriAreNoGpu() throws IOException {
        Files.createDirectories(devices.resolve("dri/by-path"));
        assertTrue(PrismPipeline.softwareOnly(LINUX, null, null, devices));
    }

    @Test
    void theUsersOrderStandsEvenWithoutGpu() {
        assertFalse(PrismPipeline.softwareOnly(LINUX, "es2", null, devices));
        assertFalse(PrismPipeline.softwareOnly(LINUX, "sw", null, devices));
    }

    @Test
    void aForcedGpuStands() {
        assertFalse(PrismPipeline.softwareOnly(LINUX, null, "true", devices));
        assertFalse(PrismPipeline.softwareOnly(LINUX, null, "TRUE", devices));
        assertTrue(PrismPipeline.softwareOnly(LINUX, null, "false", devices));
    }

    @Test
    void otherSystemsKeepJavaFxsOrder() {
        // no /dev/dri there either: Windows draws with Direct3D, macOS with OpenGL, each without this fallback
        assertFalse(PrismPipeline.softwareOnly("Windows 11", null, null, devices));
        assertFalse(PrismPipeline.softwareOnly("Mac OS X", null, null, devices));
        assertFalse(PrismPipeline.softwareOnly(null, null, null, devices));
    }

    private void gpuDevice(String name) throws IOException {
        Path device = devices.resolve(name);
        Files.createDirectories(device.getParent());
        Files.createFile(device);
    }
}
