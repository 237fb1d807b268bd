package org.verdict.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.verdict.ui.shell.MainWindow;

/** Stands in for the file dialogs, which headless tests cannot drive: the user always cancels. */
public final class NoPackChooser implements MainWindow.PackChooser {
    @Override
    public Optional<Path> choosePack(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> choosePackFolder(Window owner) {
        return Optional.empty();
    }
}
