package org.verdict.core.task;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a folder's files into a temporary sibling folder first and moves them into place only once every one is
 * written, so that a failure (a full disk, a cancel) leaves neither a half-written file nor a partial set of files
 * in the target; the temporary folder is deleted whatever happens. Being a sibling, it is on the target's file
 * system, so the moves are renames that need no space.
 */
public final class StagedFolder {
    /** Writes the files into the (empty) temporary folder it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private StagedFolder() {
    }

    /**
     * Writes {@code contents} and puts them at {@code target}: a target that does not exist or is empty becomes the
     * written folder in one rename; a target that holds other files keeps them, and each written file is renamed over
     * its namesake there.
     */
    public static void write(Path target, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path staging = stagingFolderFor(absolute);
        try {
            contents.writeInto(staging);
            if (!Files.exists(absolute) || isEmptyFolder(absolute)) {
                Files.deleteIfExists(absolute);
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            } else {
                List<Path> written;
                try (Stream<Path> files = Files.list(staging)) {
                    written = files.sorted().toList();
                }
                for (Path file : written) {
                    moveReplacing(file, absolute.resolve(file.getFileName().toString()));
                }
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * The temporary sibling of {@code target}. A folder it cannot be made in is refused naming the folder asked for:
     * the temporary one is Verdict's, and "/proc/.nope.part-7241…: no such file" sent the user after a name they never
     * gave.
     */
    private static Path stagingFolderFor(Path target) throws IOException {
        Path parent = target.getParent();
        try {
            return Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(target.toString());
        } catch (FileSystemException e) {
            throw new FileSystemException(target.toString(), null, "cannot be created in " + parent
                    + (e instanceof NoSuchFileException ? ", which takes no new folders" : e.getReason() == null
                    ? "" : " (" + e.getReason() + ")"));
        }
    }

    public static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    private static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
