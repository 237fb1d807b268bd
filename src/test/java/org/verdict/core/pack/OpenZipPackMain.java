package org.verdict.core.pack;

import java.nio.file.Path;
import org.verdict.core.task.Progress;

/**
 * Opens a .zip pack in a separate JVM and holds it open, for the test that the unpacked copy does not outlive the
 * process: prints the unpacked root, then either waits to be terminated ({@code hold}) or returns ({@code exit}) once
 * the test has seen the copy (a line on standard input), so the copy cannot vanish before the test looks.
 */
public final class OpenZipPackMain {
    private OpenZipPackMain() {
    }

    public static void main(String[] args) throws Exception {
        ReviewPack pack = new PackLoader().load(Path.of(args[0]), Progress.NONE);
        System.out.println(pack.root());
        System.out.flush();
        if (args[1].equals("hold")) {
            Thread.sleep(120_000);
        } else {
            System.in.read();
        }
    }
}
