package org.verdict.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Columns as wide as their text: spare room to the flexible column, a sideways scroll bar when there is none. */
@ExtendWith(ApplicationExtension.class)
class FittedColumnsTest {
    private record Version(String name, String snapshot, String notes) {
    }

    private TableView<Version> table;
    private final SimpleDoubleProperty fontSize = new SimpleDoubleProperty(13);

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(
                new Version("42", "tickets-2026-09-with-a-long-snapshot-name", "lr = 0.001"),
                new Version("43", "tickets-2026-10", "lr = 0.0005")));
        table.setStyle("-fx-font-family: 'DejaVu Sans'; -fx-font-size: 13px;");
        FittedColumns<Version> fitted = new FittedColumns<>(table, fontSize, false);
        table.getColumns().add(column("Version", Version::name));
        table.getColumns().add(column("Data snapshot", Version::snapshot));
        TableColumn<Version, String> notes = column("Notes", Version::notes);
        table.getColumns().add(notes);
        fitted.fit(table.getColumns().get(0), Version::name);
        fitted.fit(table.getColumns().get(1), Version::snapshot);
        fitted.flexible(notes, 10);
        // The table narrows inside its pane, so no test resizes the window shared by every TestFX test.
        stage.setScene(new Scene(new StackPane(table), 900, 300));
        stage.show();
    }

    private static TableColumn<Version, String> column(String title, Function<Version, String> value) {
        TableColumn<Version, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Cell texts that JavaFX had to end in "…" (the text drawn differs from the cell's text). */
    private List<String> cutCells(FxRobot robot) {
        return robot.lookup(".table-cell").queryAll().stream().map(Labeled.class::cast)
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty())
                .filter(cell -> cell.lookupAll(".text").stream().map(Text.class::cast)
                        .anyMatch(drawn -> !drawn.getText().equals(cell.getText())))
                .map(Labeled::getText).toList();
    }

    private boolean scrollsSideways() {
        return table.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private double columnsWidth() {
        return table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    }

    @Test
    void aWideTableGivesItsSpareRoomToTheFlexibleColumnAndCutsNothing(FxRobot robot) {
        assertEquals(List.of(), cutCells(robot));
        assertFalse(scrollsSideways());
        // The flexible column fills what the fitted ones leave, up to the table's borders and the vertical bar.
        double inside = table.getWidth() - 2;
        assertTrue(columnsWidth() > inside - 20 && columnsWidth() <= inside,
                "columns fill the table: " + columnsWidth() + " of " + inside);
        assertEquals(table.getColumns().get(1).getMinWidth(), table.getColumns().get(1).getWidth(), 0.5,
                "a fitted column keeps its width");
    }

    @Test
    void aNarrowTableScrollsSidewaysInsteadOfCuttingTheLastColumn(FxRobot robot) {
        robot.interact(() -> table.setMaxWidth(260));
        robot.interact(() -> { });
        assertTrue(scrollsSideways(), "the horizontal scroll bar reaches the columns that do not fit");
        assertTrue(columnsWidth() > 260, "every column keeps its width: " + columnsWidth());
        assertEquals(List.of(), cutCells(robot));
    }

    @Test
    void largerTextWidensTheColumns(FxRobot robot) {
        double normal = table.getColumns().get(1).getMinWidth();
        robot.interact(() -> {
            table.setStyle("-fx-font-family: 'DejaVu Sans'; -fx-font-size: 19px;");
            fontSize.set(19);
        });
        robot.interact(() -> { });
        // The snapshot name dominates the column, so its width grows nearly with the text: 19/13 of the text part.
        assertTrue(table.getColumns().get(1).getMinWidth() > normal * 1.3,
                normal + " -> " + table.getColumns().get(1).getMinWidth());
        assertEquals(List.of(), cutCells(robot));
    }
}
