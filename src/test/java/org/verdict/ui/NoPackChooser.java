package org.verdict.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Stands in for the file dialogs, which headless tests cannot drive: the user always cancels. */
final class NoPackChooser implements MainWindow.PackChooser {
    @Override
    public Optional<Path> choosePack(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> choosePackFolder(Window owner) {
        return Optional.empty();
    }
}
