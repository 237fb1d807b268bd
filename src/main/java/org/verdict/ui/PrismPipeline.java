package org.verdict.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Names JavaFX's software renderer before the toolkit starts where its OpenGL pipeline (es2) cannot work: on Linux
 * without a GPU device. JavaFX tries es2 first on Linux: it loads and checks its native library and makes a GL
 * context, which on a machine without a GPU is Mesa's software rasteriser, whose vendor (Mesa, VMware) is not one of
 * the GPU vendors es2 accepts (AMD, ATI, Intel, NVIDIA, nouveau, X.Org, by the start of the GL vendor string), so it
 * falls back to the software renderer after that work, on the first frame's path (Xvfb, a virtual machine without
 * GPU, a remote X session). Every driver es2 accepts renders through a kernel GPU device: Mesa's through
 * /dev/dri/card* or renderD*, NVIDIA's through /dev/nvidiactl. With any of them present, JavaFX's own order stands;
 * so does a user's -Dprism.order, and -Dprism.forceGPU=true, which skips es2's vendor check.
 */
final class PrismPipeline {
    static final String ORDER = "prism.order";
    static final String FORCE_GPU = "prism.forceGPU";
    static final String SOFTWARE = "sw";

    private PrismPipeline() {
    }

    /** Sets {@value #ORDER} to the software renderer where es2 cannot work; call before the toolkit starts. */
    static void chooseBeforeToolkitStarts() {
        if (softwareOnly(System.getProperty("os.name"), System.getProperty(ORDER), System.getProperty(FORCE_GPU),
                Path.of("/dev"))) {
            System.setProperty(ORDER, SOFTWARE);
        }
    }

    /**
     * @param devices the device folder, /dev
     * @return whether only the software renderer can draw: Linux, no GPU device, and neither {@value #ORDER} nor
     *     {@value #FORCE_GPU} chosen by the user
     */
    static boolean softwareOnly(String osName, String order, String forceGpu, Path devices) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && order == null && !"true".equalsIgnoreCase(forceGpu)
                && !hasGpuDevice(devices);
    }

    private static boolean hasGpuDevice(Path devices) {
        if (Files.exists(devices.resolve("nvidiactl"))) {
            return true;
        }
        try (DirectoryStream<Path> dri = Files.newDirectoryStream(devices.resolve("dri"))) {
            for (Path device : dri) {
                String name = device.getFileName().toString();
                if (name.startsWith("card") || name.startsWith("renderD")) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchFileException | NotDirectoryException none) {
            return false;
        } catch (IOException unreadable) {
            // a /dev/dri that cannot be listed may still hold a GPU: leave JavaFX's order
            return true;
        }
    }
}
