package org.verdict.ui.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The system's own file or folder chooser, opened from a {@link PathField}'s Browse… button: the one way the app
 * opens it. Under a plain X session without a desktop portal it can come up blank or throw; the path field beside it
 * still takes a typed or pasted path, and says so.
 */
@FunctionalInterface
public interface SystemChooser {
    /** Opens the chooser over {@code owner} and waits: the path chosen, or empty when the user cancels. */
    Optional<Path> choose(Window owner);

    /** The same chooser, its answer turned into another path (a folder chosen becomes a new folder inside it). */
    default SystemChooser then(UnaryOperator<Path> turn) {
        return owner -> choose(owner).map(turn);
    }

    /** Chooses an existing file, showing only those {@code filters} let through. */
    static SystemChooser openFile(String title, FileChooser.ExtensionFilter... filters) {
        return owner -> Optional.ofNullable(fileChooser(title, null, filters).showOpenDialog(owner)).map(File::toPath);
    }

    /** Chooses a file to write, new or existing; {@code suggested} (may be null) names it and picks its folder. */
    static SystemChooser saveFile(String title, Path suggested, FileChooser.ExtensionFilter... filters) {
        return owner -> Optional.ofNullable(fileChooser(title, suggested, filters).showSaveDialog(owner))
                .map(File::toPath);
    }

    /** Chooses a folder, opening in {@code initial} when that is one (may be null). */
    static SystemChooser folder(String title, Path initial) {
        return owner -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            if (initial != null && Files.isDirectory(initial)) {
                chooser.setInitialDirectory(initial.toFile());
            }
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        };
    }

    private static FileChooser fileChooser(String title, Path suggested, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        if (suggested != null && suggested.getFileName() != null) {
            chooser.setInitialFileName(suggested.getFileName().toString());
            Path folder = suggested.toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
        }
        return chooser;
    }
}
