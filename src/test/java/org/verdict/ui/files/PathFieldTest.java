package org.verdict.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.verdict.settings.UserDataFolder;

/** The path field every file question of the app uses: what a typed path means, and a form's path kept with it. */
@ExtendWith(ApplicationExtension.class)
class PathFieldTest {
    @Test
    void quotesSpacesAndTheHomeFolderAreUnderstood() {
        assertEquals(Optional.of(UserDataFolder.userHome().resolve("packs")), PathField.parse("~/packs"));
        assertEquals(Optional.of(Path.of("/a b/c")), PathField.parse(" '/a b/c' "));
        assertEquals(Optional.empty(), PathField.parse("   "));
    }

    @Test
    void theFieldAndTheFormsPathFollowEachOther(FxRobot robot) {
        ObjectProperty<Path> store = new SimpleObjectProperty<>(Path.of("/board/decisions.db"));
        PathField[] made = new PathField[1];
        robot.interact(() -> made[0] = new PathField("store", "unavailable").editing(store));
        PathField field = made[0];
        assertEquals("/board/decisions.db", field.field().getText(), "starts with the form's path");

        robot.interact(() -> field.field().setText(" \"/tmp/other.db\" "));
        assertEquals(Path.of("/tmp/other.db"), store.get());
        assertEquals(" \"/tmp/other.db\" ", field.field().getText(), "what is typed is left as typed");

        robot.interact(() -> store.set(Path.of("/tmp/restored.db")));
        assertEquals("/tmp/restored.db", field.field().getText());

        robot.interact(() -> field.field().setText(""));
        assertNull(store.get());
    }
}
