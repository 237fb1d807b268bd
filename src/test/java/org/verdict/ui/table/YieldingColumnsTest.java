package org.verdict.ui.table;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Columns that give their room when the table is narrow, and take it back when it fits again. */
@ExtendWith(ApplicationExtension.class)
class YieldingColumnsTest {
    private TableView<String> table;
    private TableColumn<String, String> slice;
    private TableColumn<String, String> adjustedP;
    private TableColumn<String, String> models;
    private TableColumn<String, String> test;
    private ReadOnlyDoubleProperty widthForModels;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList("row"));
        table.setStyle("-fx-font-family: 'DejaVu Sans'; -fx-font-size: 13px;");
        FittedColumns<String> fitted = new FittedColumns<>(table, new SimpleDoubleProperty(13), false);
        slice = column("neighborhood=N00 of a long name");
        adjustedP = column("<0.001");
        models = column("20,477 [19,371, 21,669] and 18,428 [17,599, 19,343]");
        test = column("bootstrap");
        for (TableColumn<String, String> column : List.of(slice, adjustedP, models, test)) {
            table.getColumns().add(column);
            fitted.fit(column, row -> column.getText());
        }
        // as in Compare: the test first, then the models' values, the adjusted p (the verdict's evidence) last
        fitted.yieldWhenNarrow(test);
        fitted.yieldWhenNarrow(models);
        fitted.yieldWhenNarrow(adjustedP);
        widthForModels = fitted.widthToShow(models);
        // The table narrows inside its pane, so no test resizes the window shared by every TestFX test.
        stage.setScene(new Scene(new StackPane(table), 900, 300));
        stage.sizeToScene();
        stage.show();
    }

    private static TableColumn<String, String> column(String text) {
        TableColumn<String, String> column = new TableColumn<>(text);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text));
        return column;
    }

    /**
     * Room for the slice, the adjusted p and the test but not the models' values: the models and the test yield, and
     * the test, which yields sooner, does not come back in the room the models left.
     */
    @Test
    void aColumnThatYieldsSoonerNeverStandsWhereALaterOneHadToGo(FxRobot robot) {
        assertTrue(adjustedP.isVisible() && models.isVisible() && test.isVisible(), "a wide table shows every column");
        double narrow = slice.getWidth() + adjustedP.getWidth() + test.getWidth() + 0.5 * models.getWidth();
        robot.interact(() -> table.setMaxWidth(narrow));
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertFalse(models.isVisible(), "the models' values do not fit");
        assertFalse(test.isVisible(), "the test, which would fit, does not stand in the models' place");
        assertTrue(adjustedP.isVisible(), "the adjusted p stays");
        robot.interact(() -> table.setMaxWidth(Double.MAX_VALUE));
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertTrue(adjustedP.isVisible() && models.isVisible() && test.isVisible(), "room again: every column back");
    }

    /**
     * The width a layout asks for to keep a yielding column: at it that column and every later one stay (here the
     * adjusted p, which yields after the models' values), a few pixels less and the models give way.
     */
    @Test
    void theWidthToShowAColumnKeepsItAndTheColumnsYieldingAfterIt(FxRobot robot) {
        // each column's own width, without the room to spare it shares in a wide table
        double columns = slice.getMinWidth() + adjustedP.getMinWidth() + models.getMinWidth();
        double wanted = widthForModels.get();
        assertTrue(wanted >= columns && wanted <= columns + 30,
                "the columns' " + columns + " px and the table's insets, not " + wanted);
        robot.interact(() -> table.setMaxWidth(wanted));
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertTrue(adjustedP.isVisible() && models.isVisible(), "at " + wanted + " px the models and adjusted p stay");
        assertFalse(test.isVisible(), "the test, which yields sooner, has gone");
        robot.interact(() -> table.setMaxWidth(wanted - 4));
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertFalse(models.isVisible(), "4 px less and the models' values yield");
        assertTrue(adjustedP.isVisible(), "the adjusted p yields after them");
        robot.interact(() -> table.setMaxWidth(Double.MAX_VALUE));
        robot.interact(() -> { });
        robot.interact(() -> { });
    }
}
