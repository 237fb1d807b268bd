package org.verdict.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.verdict.core.pack.UnpackedPacks;

/**
 * Finds the sample pack a new user sees first: {@code sample-data/support-router} in the working directory
 * (when run from a checkout with {@code ./mvnw javafx:run}), else the copy bundled in the jar, extracted to a
 * temporary folder because packs are read from the file system; the copy is deleted when the app ends.
 */
public final class BundledSample {
    public static final String NAME = "support-router";
    private static final String RESOURCE = "/sample-data/" + NAME;

    private final Path workingDirectory;

    public BundledSample(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** The sample in the checkout, if there is one: a real folder the user may also open by hand (looks at the disk). */
    public Optional<Path> inCheckout() {
        Path folder = workingDirectory.resolve("sample-data").resolve(NAME);
        return Files.isRegularFile(folder.resolve("manifest.json")) ? Optional.of(folder) : Optional.empty();
    }

    /** Copies the bundled sample out of the class path; slow-ish (megabytes), so call it off the FX thread. */
    public Optional<Path> extractFromClassPath() throws IOException {
        URL manifest = BundledSample.class.getResource(RESOURCE + "/manifest.json");
        if (manifest == null) {
            return Optional.empty();
        }
        URI folder;
        try {
            folder = manifest.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("unreadable resource location " + manifest, e);
        }
        Path temporary = Files.createTempDirectory("verdict-sample-");
        UnpackedPacks.deleteAtExit(temporary);
        Path target = temporary.resolve(NAME);
        if ("jar".equals(folder.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
                copyTree(jar.getPath(RESOURCE), target);
            }
        } else {
            copyTree(Path.of(folder).getParent(), target);
        }
        return Optional.of(target);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path destination = target.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
