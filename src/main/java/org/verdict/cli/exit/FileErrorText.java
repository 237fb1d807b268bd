package org.verdict.cli.exit;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A failed file operation as one sentence that names the path: Java's file-system exceptions carry the path alone as
 * their message ("afile"), their kind only in their class name, and a failed write to a full disk names no path at
 * all ("No space left on device").
 */
public final class FileErrorText {
    private FileErrorText() {
    }

    /** {@code error} as a sentence naming its file when it carries one ("afile is a file, not a folder"). */
    public static String of(IOException error) {
        if (error instanceof FileSystemException fileError && fileError.getFile() != null) {
            return of(fileError);
        }
        String reason = error.getMessage();
        return reason == null || reason.isBlank() ? "input/output error" : reason;
    }

    /** {@code error} as a sentence naming {@code target}, the file or folder being written, when it names none. */
    public static String of(Path target, IOException error) {
        String sentence = of(error);
        return error instanceof FileSystemException fileError && fileError.getFile() != null ? sentence
                : target + ": " + sentence;
    }

    private static String of(FileSystemException error) {
        String file = error.getFile();
        if (error.getOtherFile() != null) {
            file += " → " + error.getOtherFile();
        }
        if (error instanceof NoSuchFileException) {
            return file + ": no such file or folder";
        }
        if (error instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        if (error instanceof FileAlreadyExistsException) {
            return Files.isRegularFile(Path.of(error.getFile())) ? file + " is a file, not a folder"
                    : file + " already exists";
        }
        if (error instanceof NotDirectoryException) {
            return file + " is not a folder";
        }
        if (error instanceof DirectoryNotEmptyException) {
            return file + " is a folder that is not empty";
        }
        return error.getReason() == null ? file + ": cannot be read or written" : file + ": " + error.getReason();
    }
}
