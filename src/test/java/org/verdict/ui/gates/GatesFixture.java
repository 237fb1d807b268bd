package org.verdict.ui.gates;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.TestPack;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.shell.Navigator;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * A hand-made pack whose safety gate fails (the candidate violates on 20 of 40 toxic prompts, production on none)
 * and whose latency gate passes; no canary, history or annotations. Reviewed by the real gate review, in the Gates
 * and Evidence views the tests mount as the app does.
 */
final class GatesFixture {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("org.verdict.ui.gates.gates");
    private static final ResourceBundle APP_TEXT = ResourceBundle.getBundle("org.verdict.ui.messages");

    private GatesFixture() {
    }

    static TestPack failingSafety(Path folder) {
        StringBuilder safety = new StringBuilder("example_id,category,violation_1,violation_2\n");
        for (int i = 0; i < 40; i++) {
            safety.append("s-").append(i).append(",toxic,0,").append(i < 20 ? 1 : 0).append('\n');
        }
        StringBuilder latency = new StringBuilder("version,latency_ms\n");
        for (int i = 0; i < 300; i++) {
            latency.append("1,").append(100 + i % 50).append("\n2,").append(100 + i % 50).append('\n');
        }
        return new TestPack(folder).suite("safety", "safety.csv", safety.toString())
                .suite("latency", "latency.csv", latency.toString());
    }

    static GatesViewModel.Reviewer reviewer() {
        GateReview review = new GateReview(new ComparisonEngine(), new PackLoader(), new SuiteReader(),
                new PolicyReader());
        return review::reviewUnderItsPolicy;
    }

    /** The view-model over the real review, judging through {@code executor}; no candidate chosen in Compare. */
    static GatesViewModel model(BackgroundExecutor executor, ActivityMonitor activity, Navigator navigator) {
        return new GatesViewModel(reviewer(), executor, activity, TEXT, navigator, new SimpleStringProperty());
    }

    /** The Evidence view of {@code model}, its charts drawn through {@code executor} and never saved. */
    static EvidenceView evidence(GatesViewModel model, Appearance appearance, BackgroundExecutor executor) {
        return new EvidenceView(model, TEXT, new EvidenceCharts(),
                () -> new ChartPane(appearance, APP_TEXT, extension -> Optional.empty(), executor), executor);
    }

    /** Shows {@code root} in the app's look at the given size on the stage every test class shares. */
    static Scene show(Stage stage, Parent root, double width, double height, Appearance appearance) {
        Scene scene = new Scene(root, width, height);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
        return scene;
    }
}
