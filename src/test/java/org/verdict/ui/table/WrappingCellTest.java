package org.verdict.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.theme.CellFont;

/** A wrapped cell breaks a hyphenated name after its hyphen, never inside a part of it. */
@ExtendWith(ApplicationExtension.class)
class WrappingCellTest {
    private static final String NAME = "moderation-rare";
    private static final double FONT_SIZE = 19;
    private static final String SIGNED_AT = "2026-12-07T14:11:02.530101Z";

    private TableView<String> table;
    private TableColumn<String, String> model;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(NAME, "fraud-rare-v2 and more", SIGNED_AT));
        table.setStyle("-fx-font-family: '" + CellFont.FAMILY + "'; -fx-font-size: " + FONT_SIZE + "px;");
        model = new TableColumn<>("Model");
        model.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        model.setCellFactory(WrappingCell::new);
        table.getColumns().add(model);
        stage.setScene(new Scene(new StackPane(table), 500, 300));
        stage.sizeToScene();
        stage.show();
    }

    /** The lines a cell's drawn text is broken into, as a person reads them. */
    private static List<String> drawnLines(Text drawn) {
        String shown = drawn.getText();
        double lineHeight = drawn.getFont().getSize() * 1.1;
        List<String> lines = new ArrayList<>();
        int start = 0;
        Bounds bounds = drawn.getLayoutBounds();
        for (double y = bounds.getMinY() + lineHeight * 1.5; start < shown.length(); y += lineHeight) {
            int next = y > bounds.getMaxY() ? shown.length()
                    : drawn.hitTest(new Point2D(0, y)).getCharIndex();
            if (next <= start) {
                next = shown.length();
            }
            lines.add(shown.substring(start, next).strip());
            start = next;
        }
        return lines;
    }

    /** The column as wide as {@code widest} in the cells' font and a little more. */
    private void narrowTo(FxRobot robot, String widest) {
        Text measure = new Text(widest);
        measure.setFont(Font.font(CellFont.FAMILY, FONT_SIZE));
        double width = Math.ceil(measure.getLayoutBounds().getWidth()) + 30;
        robot.interact(() -> {
            model.setMinWidth(width);
            model.setPrefWidth(width);
            model.setMaxWidth(width);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text the cell holding {@code item} draws. */
    private Text drawn(FxRobot robot, String item) {
        return robot.from(table).lookup(".table-cell").queryAll().stream()
                .filter(cell -> cell instanceof WrappingCell<?> wrapping && item.equals(wrapping.getItem()))
                .map(cell -> (Text) ((WrappingCell<?>) cell).getGraphic()).findFirst().orElseThrow();
    }

    @Test
    void aHyphenatedNameBreaksAfterItsHyphenInANarrowColumn(FxRobot robot) {
        // room for "moderation-" and a little, not for the whole name
        narrowTo(robot, "moderation-");

        Text drawn = drawn(robot, NAME);
        assertEquals(List.of("moderation-", "rare"), drawnLines(drawn), "wrapped at " + drawn.getWrappingWidth()
                + " px in " + drawn.getFont() + ", " + drawn.getLayoutBounds().getHeight() + " px high");
        assertEquals(NAME, drawn.getText().replace("\n", ""), "nothing but the break is added");
    }

    /**
     * A signed time in a column too narrow for it breaks between its date and its time, each read whole: JavaFX broke
     * it mid-digits ("2026-12-07T1" / "4:11:02.5301" / "01Z") in the Audit view's Compare pane at 1366×768.
     */
    @Test
    void aSignedTimeBreaksBetweenItsDateAndItsTime(FxRobot robot) {
        // room for the time and a little, not for the date and time together
        narrowTo(robot, "14:11:02.530101Z");

        Text drawn = drawn(robot, SIGNED_AT);
        assertEquals(List.of("2026-12-07T", "14:11:02.530101Z"), drawnLines(drawn), "wrapped at "
                + drawn.getWrappingWidth() + " px in " + drawn.getFont());
        assertEquals(SIGNED_AT, drawn.getText().replace("\n", ""), "nothing but the break is added");
    }
}
