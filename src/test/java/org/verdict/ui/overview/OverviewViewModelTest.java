package org.verdict.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.overview.OverviewViewModel.VersionRow;

class OverviewViewModelTest {
    @TempDir
    Path folder;

    private final OverviewViewModel model = new OverviewViewModel(ResourceBundle.getBundle("org.verdict.ui.messages"));

    @Test
    void showsTheModelItsTierWhoApprovesAndEachVersionsLineage() throws Exception {
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("p"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE));

        assertEquals("router", model.modelNameProperty().get());
        assertEquals("multiclass", model.taskProperty().get());
        assertEquals("2 of 3", model.riskTierProperty().get());
        assertEquals("An ML lead (tier 2)", model.approversProperty().get());
        assertEquals(List.of(
                new VersionRow("42", "production", "s1", "git:1", "2026-10-02 10:00 UTC", "epochs = 3\nlr = 0.001"),
                new VersionRow("43", "candidate", "s2", "git:2", "2026-11-02 10:00 UTC", "lr = 0.0005")),
                model.versions());
    }

    @Test
    void everyTierNamesItsApprovers() {
        assertEquals("Automatic, when every gate passes (tier 1)", model.approversFor(1));
        assertEquals("AI Safety, Product and an ML lead, all three (tier 3)", model.approversFor(3));
    }

    @Test
    void aBinaryTaskNamesItsPositiveLabelAndMissingLineageShowsADash() throws Exception {
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("b"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), Progress.NONE));

        assertEquals("binary (positive label: fraud)", model.taskProperty().get());
        assertEquals(new VersionRow("7", "production", "—", "—", "—", "—"), model.versions().get(0));
    }

    @Test
    void showsTheCurrentVerdictAsTheGatesWordIt() {
        javafx.beans.property.StringProperty headline = new javafx.beans.property.SimpleStringProperty("Judging the gates…");
        model.showVerdictOf(headline);
        assertEquals("Judging the gates…", model.verdictProperty().get());
        headline.set("Candidate 2 passes every gate against production 1.");
        assertEquals("Candidate 2 passes every gate against production 1.", model.verdictProperty().get());
    }
}
