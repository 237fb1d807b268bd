package org.verdict.core.sample;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Regenerates the bundled sample packs. Seeded: every run writes byte-identical files.
 *
 * <pre>java -cp target/verdict.jar org.verdict.core.sample.SamplePackGenerator sample-data</pre>
 */
public final class SamplePackGenerator {
    private SamplePackGenerator() {
    }

    /** Writes {@code support-router/} (the hero story) and {@code fraud-screen-pass/} (all gates pass) under {@code root}. */
    public static void generate(Path root) throws IOException {
        SupportRouterPack.write(root.resolve(SupportRouterPack.FOLDER));
        FraudScreenPack.write(root.resolve(FraudScreenPack.FOLDER));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SamplePackGenerator OUTPUT_FOLDER   (e.g. sample-data)");
            System.exit(2);
        }
        generate(Path.of(args[0]));
        System.out.println("sample packs written to " + Path.of(args[0]).toAbsolutePath().normalize());
    }
}
