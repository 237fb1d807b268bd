package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.SliceLimitExceeded;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import org.verdict.settings.UserSettings;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;

/**
 * A pack refused for more slice values than the app's limit: the app counts them in the background, says what
 * opening costs, and opens it with the limits raised for the session — or leaves it unopened.
 */
class HigherLimitOpeningTest {
    @TempDir
    Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    /** 12 stores where the app allows 10 values a column; 40 rows each in 3 stores, 1 each in the other 9. */
    private final SessionPackLimits limits = new SessionPackLimits(new PackLimits(10, 10_000, 5_000_000));
    private final PackLoader loader = SummaryPacks.loader(limits::current);
    private MainViewModel main;
    private HigherLimitOpening higher;
    private Path pack;

    @BeforeEach
    void setUp() throws Exception {
        main = new MainViewModel(loader::load, executor, new ActivityMonitor(System::currentTimeMillis),
                UserSettings.load(folder.resolve("home").resolve("settings.json")), folder.resolve("decisions.db"),
                "Opening");
        higher = new HigherLimitOpening(loader, limits, main, executor, new ActivityMonitor(System::currentTimeMillis),
                text, 30);
        pack = Files.createDirectories(folder.resolve("stores"));
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "stores", "task": "binary", "riskTier": 2, "positiveLabel": "1"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "accuracy",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["store"]}}}
                """);
        StringBuilder csv = new StringBuilder("example_id,label,store,pred_1,pred_2\n");
        int row = 0;
        for (int store = 0; store < 12; store++) {
            for (int i = 0; i < (store < 3 ? 40 : 1); i++, row++) {
                csv.append("e").append(row).append(',').append(row % 2).append(",s").append(store).append(',')
                        .append(row % 3 == 0 ? 1 - row % 2 : row % 2).append(',').append(row % 2).append('\n');
            }
        }
        Files.writeString(pack.resolve("primary.csv"), csv);
    }

    @AfterEach
    void noFailure() {
        assertEquals(List.of(), executor.unhandledFailures());
    }

    private SliceLimitExceeded refused() {
        main.openPack(pack, true);
        assertNull(main.packProperty().get());
        Exception problem = main.openFailureProperty().get().problem();
        return HigherLimitOpening.offeredFor(problem).orElseThrow(() -> new AssertionError(problem));
    }

    @Test
    void theRefusalSaysWhichLimitAndTheCountSaysWhatOpeningCosts() {
        SliceLimitExceeded exceeded = refused();
        assertEquals(new SliceLimitExceeded("store", 10), exceeded);

        higher.count(pack, exceeded);

        HigherLimitOpening.Proposal proposal = higher.proposalProperty().get();
        assertNotNull(proposal);
        assertNull(main.packProperty().get(), "nothing opens before the person answers");
        assertEquals(new PackLimits(12, 10_000, 5_000_000), proposal.needed());
        assertTrue(proposal.cost().startsWith("primary.csv: the widest slice column, 'store', has 12 distinct values "
                + "(the limit for one column is 10); all slice and sensitive columns together make 12 slices of 129 "
                + "rows, of which 3 have at least 30 rows and are compared with a test of their own"),
                proposal.cost());
        assertTrue(proposal.cost().endsWith("as verdict PACK --max-slice-values 12 --max-slices 10000 would at start."),
                proposal.cost());
    }

    @Test
    void acceptingOpensThePackAndKeepsTheHigherLimitForTheSession() throws Exception {
        higher.count(pack, refused());
        HigherLimitOpening.Proposal proposal = higher.proposalProperty().get();

        higher.accept();

        assertEquals(proposal.pack(), main.packProperty().get());
        assertNull(higher.proposalProperty().get());
        assertEquals(12, limits.current().maxValuesPerSliceColumn());
        // the same loader now reads it, as the gates' reads of the pack do
        assertEquals(12, loader.load(pack, Progress.NONE).primary().column("store")
                .orElseThrow().levelCount());
    }

    @Test
    void decliningLeavesThePackUnopenedAndTheLimitAsItWas() {
        higher.count(pack, refused());

        higher.decline();

        assertNull(main.packProperty().get());
        assertNull(higher.proposalProperty().get());
        assertEquals(10, limits.current().maxValuesPerSliceColumn());
        PackException again = assertThrows(PackException.class, () -> loader.load(pack, Progress.NONE));
        assertTrue(again.sliceLimit().isPresent(), again.getMessage());
    }

    /** A pack broken after its refusal: the count's reading fails as an opening does, in the same problem dialog. */
    @Test
    void aPackBrokenBeforeTheCountIsAnOpenFailure() throws Exception {
        SliceLimitExceeded exceeded = refused();
        MainViewModel.OpenFailure refusal = main.openFailureProperty().get();
        Files.writeString(pack.resolve("primary.csv"), "example_id,label,store,pred_1,pred_2\ne0,1,s0,1\n");

        higher.count(pack, exceeded);

        assertNull(higher.proposalProperty().get());
        MainViewModel.OpenFailure failed = main.openFailureProperty().get();
        assertNotSame(refusal, failed);
        assertEquals(pack, failed.source());
        PackException broken = assertInstanceOf(PackException.class, failed.problem());
        assertTrue(broken.sliceLimit().isEmpty(), broken.getMessage());
        assertTrue(broken.getMessage().contains("primary.csv"), broken.getMessage());
    }
}
