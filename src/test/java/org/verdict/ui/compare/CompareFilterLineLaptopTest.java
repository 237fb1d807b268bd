package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.ui.theme.Appearance;

/**
 * A German retailer's pack (regions such as Baden-Württemberg, stores with long names) in the Compare view of a
 * 1366×768 laptop: the filter's example ("Filter, e.g. region=Baden-Württemberg") and both check boxes are wider than
 * the table area beside the chart. The filter narrows to its short placeholder, never cut, and both check boxes stay
 * whole inside the table area ("Show unadjusted in" was clipped at the window's edge).
 */
@ExtendWith(ApplicationExtension.class)
class CompareFilterLineLaptopTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private LaptopCompareView compare;

    private static ComparisonReport regionsAndStores() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 40_000, m, 0.812, 0.838, 0.022, 0.030, 0.0001, 0.0001,
                Verdict.BETTER));
        for (String region : List.of("Baden-Württemberg", "Nordrhein-Westfalen", "Mecklenburg-Vorpommern")) {
            results.add(ReportFixture.result(ReportFixture.slice("region", region), 13_300, m, 0.81, 0.83, 0.01, 0.03,
                    0.0001, 0.0004, Verdict.BETTER));
        }
        ReportFixture.addLongNamedStores(results, m, 30);
        return LaptopCompareView.oneMetric("churn-de", "42", "43", m, ComparisonOptions.DEFAULTS, results);
    }

    @Start
    void start(Stage stage) throws Exception {
        ComparisonReport report = regionsAndStores();
        compare = LaptopCompareView.show(stage, folder, text, new Appearance(false, false), () -> report,
                "churn-de", PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
    }

    @Test
    void theCheckBoxesStayWholeInTheTableAreaAndTheFilterShowsAWholePlaceholder(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        TextField filter = robot.lookup("#sliceFilter").queryAs(TextField.class);
        Bounds table = compare.table().localToScene(compare.table().getLayoutBounds());
        for (String id : List.of("#onlyWorse", "#showUnadjusted")) {
            CheckBox box = robot.lookup(id).queryAs(CheckBox.class);
            Bounds drawn = box.localToScene(box.getLayoutBounds());
            assertTrue(box.getWidth() >= box.prefWidth(-1) - 0.5, id + " is narrower than its label");
            assertTrue(drawn.getMaxX() <= table.getMaxX() + 0.5, id + " reaches " + drawn.getMaxX()
                    + " px, past the table area's right edge at " + table.getMaxX());
            assertTrue(drawn.getMaxX() <= compare.table().getScene().getWidth(), id + " is clipped by the window");
        }
        Text prompt = new Text(filter.getPromptText());
        prompt.setFont(filter.getFont());
        assertTrue(filter.getWidth() >= prompt.getLayoutBounds().getWidth() + filter.getPadding().getLeft()
                + filter.getPadding().getRight(), "the placeholder '" + filter.getPromptText() + "' is cut in a field "
                + filter.getWidth() + " px wide");
    }
}
