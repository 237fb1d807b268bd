package org.verdict.ui.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/** Audit at a laptop's size: a long rationale wraps in the details at both text sizes instead of being cut. */
@ExtendWith(ApplicationExtension.class)
class AuditWrappingTest {
    /** Removed after each test: the stores and keys a test makes never pile up in /tmp. */
    @TempDir
    Path temporary;
    private static final String RATIONALE = "The candidate is better overall and in every language with enough "
            + "examples; Japanese is worse by 0.10 (interval −0.12 to −0.09), which the board accepts for two weeks "
            + "while the tokenizer fix ships, with a canary limited to five percent of traffic and a rollback owner.";
    private final AuditViewModel model = new AuditViewModel(new CurrentThreadExecutor(),
            new ActivityMonitor(System::currentTimeMillis));
    private Appearance appearance;

    @Start
    void start(Stage stage) {
        appearance = new Appearance(false, false);
        Scene scene = new Scene((Parent) new AuditView(model, AuditView.defaultText(),
                (owner, title, initial, filters) -> Optional.empty()).node(), 1242, 620);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.show();
    }

    /** Value cells whose drawn text is wider than the cell (cut), or that do not wrap at all. */
    private List<String> cutValues(FxRobot robot) {
        return robot.lookup("#auditDetails .table-cell").queryAll().stream()
                .map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getGraphic() instanceof Text)
                .filter(cell -> {
                    Text drawn = (Text) cell.getGraphic();
                    return drawn.getLayoutBounds().getWidth() > cell.getWidth() + 1
                            || !drawn.getText().isEmpty() && drawn.getWrappingWidth() <= 0;
                })
                .map(cell -> ((Text) cell.getGraphic()).getText())
                .toList();
    }

    @Test
    void aLongRationaleWrapsAtBothTextSizes(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(temporary, "audit-wrap");
        Path db = dir.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, RATIONALE), AuditViewModelTest.ADA);
        }
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> records = robot.lookup("#auditRecords").queryTableView();
        robot.interact(() -> records.getSelectionModel().select(0));
        int rationale = model.details().stream().map(Map.Entry::getValue).toList().indexOf(RATIONALE);
        assertTrue(rationale >= 0, "the rationale is among the details: " + model.details());
        robot.interact(() -> robot.lookup("#auditDetails").queryTableView().scrollTo(rationale));
        robot.interact(() -> { });
        assertTrue(robot.lookup("#auditDetails .table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c && c.getGraphic() instanceof Text t
                        && t.getText().equals(RATIONALE)), "the rationale is in the details, whole");
        assertTrue(cutValues(robot).isEmpty(), "cut: " + cutValues(robot));

        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> { });
        assertTrue(cutValues(robot).isEmpty(), "cut in large text: " + cutValues(robot));
    }
}
