package org.verdict.core.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The private temporary folders that .zip packs are unpacked into. Each is deleted when its pack is closed, and
 * whatever is still open is deleted when the process ends, normally or through SIGTERM / SIGINT (a shutdown hook),
 * so no one else on a shared machine finds the evidence in the temporary folder later. Other temporary copies of a
 * pack (the app's bundled sample) are deleted by the same hook.
 */
public final class UnpackedPacks {
    /**
     * Pack root (the folder holding manifest.json) to the temporary folder it lies in; a copy kept until the process
     * ends is its own key, which is no pack's root, so closing a pack read from it leaves it alone.
     */
    private static final Map<Path, Path> TEMP_FOLDER_OF_ROOT = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(UnpackedPacks::deleteAll, "verdict-unpacked-pack-cleanup"));
    }

    private UnpackedPacks() {
    }

    static void register(Path root, Path tempFolder) {
        TEMP_FOLDER_OF_ROOT.put(root, tempFolder);
    }

    /**
     * Deletes {@code temporaryFolder}, a private copy of a pack outside the user's files, when the process ends (the
     * shutdown hook of the unpacked packs, where {@code File.deleteOnExit} per file would miss SIGTERM and the folders
     * its files were created in after them).
     */
    public static void deleteAtExit(Path temporaryFolder) {
        TEMP_FOLDER_OF_ROOT.put(temporaryFolder, temporaryFolder);
    }

    /** Deletes the unpacked copy whose root is {@code root}; does nothing for a pack folder the user owns. */
    static void release(Path root) {
        Path temp = TEMP_FOLDER_OF_ROOT.remove(root);
        if (temp != null) {
            deleteRecursively(temp);
        }
    }

    private static void deleteAll() {
        for (Path root : TEMP_FOLDER_OF_ROOT.keySet()) {
            try {
                release(root);
            } catch (UncheckedIOException e) {
                System.err.println(e.getMessage()); // the process is ending: say so and go on with the others
            }
        }
    }

    /** Deletes a folder tree without following links, so a link inside never leads the deletion elsewhere. */
    static void deleteRecursively(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException alreadyGone) {
            // deleted by an earlier close
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the unpacked pack " + folder, e);
        }
    }
}
