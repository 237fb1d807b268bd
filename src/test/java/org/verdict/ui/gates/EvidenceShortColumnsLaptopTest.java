package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.ui.theme.Appearance;
import org.verdict.ui.theme.CellFont;

/**
 * The data-validation table of a pack with seven rare classes ("class=icd-29-pulmo: 1 example (minimum 50)") and one
 * long finding, on the Evidence page of a 1366×768 laptop (about 1060 px beside the page list): the gate, the class
 * checked and the outcome keep the width of their longest value and the long detail wraps, rather than every column
 * giving room in proportion ("class=icd-" / "29-pulmo", "Volume per class, language and" / "segment").
 */
@ExtendWith(ApplicationExtension.class)
class EvidenceShortColumnsLaptopTest {
    private static final double PAGE_WIDTH = 1079;
    private static final double EM = 13;
    private static final String VOLUME = "Volume per class, language and segment";
    private static final String LONG_DETAIL = "labels.csv: 14 of 6,000 examples carry a label a second annotator"
            + " disagrees with (0.23 %, 95% interval 0.13 % – 0.39 %); the gate accepts up to 2 % of disagreement over"
            + " at least 200 examples labelled twice";

    private TableView<List<Cell>> table;

    @Start
    void start(Stage stage) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String name : List.of("icd-29-pulmo", "icd-30-cardio", "icd-31-neuro", "icd-34-gastro")) {
            rows.add(List.of(Cell.plain(VOLUME), Cell.plain("class=" + name), new Cell("✘ fail", Tone.FAIL),
                    Cell.plain("class=" + name + ": 1 example (minimum 50)")));
        }
        rows.add(List.of(Cell.plain("Label quality"), Cell.plain("labels.csv"), new Cell("✔ pass", Tone.PASS),
                Cell.plain(LONG_DETAIL)));
        EvidenceTable validation = new EvidenceTable("Schema, volume, contamination and label quality",
                List.of("Gate", "Checked", "Outcome", "Detail"), rows);
        table = EvidenceView.tableView(validation, EM).view();
        VBox page = new VBox(table);
        page.setPadding(new Insets(0, 20, 0, 0));
        GatesFixture.show(stage, page, PAGE_WIDTH, 600, new Appearance(false, false));
    }

    @Test
    void theShortColumnsKeepTheirLongestValueOnOneLineAndTheDetailWraps(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (int c = 0; c < 3; c++) {
            TableColumn<List<Cell>, ?> column = table.getColumns().get(c);
            int index = c;
            double longest = table.getItems().stream().mapToDouble(row -> textWidth(row.get(index).text()))
                    .max().orElseThrow();
            // a cell pads its text 0.5 em each side
            assertTrue(column.getWidth() >= longest + EM, column.getText() + " is " + column.getWidth()
                    + " px wide, its longest value " + longest + " px: it breaks onto two lines; table " + table.getWidth()
                    + ", columns " + table.getColumns().stream().map(TableColumn::getWidth).toList());
        }
        TableColumn<List<Cell>, ?> detail = table.getColumns().get(3);
        assertTrue(detail.getWidth() < textWidth(LONG_DETAIL), "the long detail wraps");
        double columns = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(columns <= table.getWidth(), "the table fits its page: " + columns + " px of columns in "
                + table.getWidth());
    }

    private static double textWidth(String content) {
        Text measure = new Text(content);
        measure.setFont(Font.font(CellFont.FAMILY, FontWeight.NORMAL, EM));
        return measure.getLayoutBounds().getWidth();
    }
}
