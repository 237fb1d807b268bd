package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;

/**
 * A binary pack of three teams large enough to test and three under the minimum of 30 (6, 4 and 8 rows), shaped as a
 * reviewer's p5-tiny-slices, compared for real on a 1366×768 laptop. The Δ of a slice under the minimum is not shown
 * in its cell ("not tested: n < 30"); its value and why it was not tested are in the cell's tooltip, and it has no
 * place in a ranking by Δ.
 */
@ExtendWith(ApplicationExtension.class)
class CompareUntestedSlicesLaptopTest {
    private static final String MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "triage", "task": "binary", "riskTier": 2, "positiveLabel": "yes"},
             "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
             "primaryMetric": "accuracy",
             "suites": {"primary": {"file": "primary.csv", "slices": ["team"]}}}
            """;
    /** Each team: its rows, and how many of them production and the candidate get right. */
    private static final Object[][] TEAMS = {
            {"alpha", 60, 48, 50}, {"bravo", 60, 50, 44}, {"charlie", 60, 45, 51},
            {"delta", 6, 6, 4}, {"echo", 4, 2, 4}, {"foxtrot", 8, 6, 6}};
    private static final Set<String> UNTESTED = Set.of("team=delta", "team=echo", "team=foxtrot");

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private LaptopCompareView view;

    @Start
    void start(Stage stage) throws Exception {
        view = LaptopCompareView.comparing(stage, folder, text, 1242, 620, new PackLoader().load(
                PackFixture.write(folder.resolve("triage"), MANIFEST, csv()), Progress.NONE));
    }

    /** Labels alternate yes / no; a model's first k rows of a team are right, the others wrong. */
    private static String csv() {
        StringBuilder csv = new StringBuilder("example_id,label,team,pred_1,pred_2\n");
        int id = 0;
        for (Object[] team : TEAMS) {
            for (int i = 0; i < (int) team[1]; i++, id++) {
                String label = id % 2 == 0 ? "yes" : "no";
                String wrong = label.equals("yes") ? "no" : "yes";
                csv.append('e').append(id).append(',').append(label).append(',').append(team[0]).append(',')
                        .append(i < (int) team[2] ? label : wrong).append(',')
                        .append(i < (int) team[3] ? label : wrong).append('\n');
            }
        }
        return csv.toString();
    }

    private TableColumn<ComparisonRow, ?> column(String id) {
        return view.table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private List<String> slicesShown() {
        return view.table().getItems().stream().map(ComparisonRow::slice).toList();
    }

    private static Tooltip showingTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(Tooltip.class::cast).findFirst().orElse(null);
    }

    /**
     * Hovered with no tooltip showing, the Δ cell showed the row's tooltip ("Δ not tested: n < 30"): the mouse move
     * bubbled on to the row, whose tooltip took the cell's place. The cell's own says the value and why.
     */
    @Test
    void hoveringAnUntestedDeltaGivesItsValueAndWhyItWasNotTested(FxRobot robot) throws Exception {
        robot.moveTo("#compareSummary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingTooltip() == null);
        TableCell<?, ?> delta = robot.lookup("#compareTable .table-row-cell").queryAll().stream()
                .map(node -> (TableRow<?>) node)
                .filter(row -> row.getItem() instanceof ComparisonRow shown && shown.slice().equals("team=delta"))
                .flatMap(row -> row.getChildrenUnmodifiable().stream())
                .filter(cell -> cell instanceof TableCell<?, ?> c && c.getTableColumn() == column("compare.col.delta"))
                .map(cell -> (TableCell<?, ?>) cell).findFirst().orElseThrow();
        assertEquals("not tested: n\u00a0<\u00a030", delta.getText().strip());

        robot.moveTo(delta);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingTooltip() != null);

        assertEquals("Δ −0.333 was not tested, so the cell does not show it: 6 rows, under the minimum of 30, are "
                + "too few for a test of Δ.", showingTooltip().getText());
    }

    /**
     * Sorted by Δ, the three tested teams are ranked by it and the untested ones follow, ascending and descending
     * alike: ranked by their hidden Δ, delta (−0.333) headed the ascending table and echo (+0.500) the descending one.
     */
    @Test
    void sortedByDeltaTheUntestedSlicesComeAfterTheRankedOnesEitherWay(FxRobot robot) {
        TableColumn<ComparisonRow, ?> delta = column("compare.col.delta");
        robot.interact(() -> {
            delta.setSortType(SortType.ASCENDING);
            view.table().getSortOrder().setAll(delta);
        });
        // bravo −0.100, alpha +0.033, charlie +0.100
        assertEquals(List.of("overall", "team=bravo", "team=alpha", "team=charlie"), slicesShown().subList(0, 4));
        assertEquals(UNTESTED, Set.copyOf(slicesShown().subList(4, 7)));

        robot.interact(() -> delta.setSortType(SortType.DESCENDING));
        assertEquals(List.of("overall", "team=charlie", "team=alpha", "team=bravo"), slicesShown().subList(0, 4));
        assertEquals(UNTESTED, Set.copyOf(slicesShown().subList(4, 7)));
        assertTrue(view.table().getItems().get(0).overall(), "the overall row stays on top");
    }
}
