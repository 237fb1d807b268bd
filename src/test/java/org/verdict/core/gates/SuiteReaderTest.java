package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.suites.HoldoutGroupPoint;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLimits;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.stats.Interval;

/** The optional suites: read when present, absent (never an error) when not, refused clearly when wrong. */
class SuiteReaderTest {
    @TempDir
    Path folder;

    private PackSuites read(TestPack pack) throws PackException {
        ReviewPack loaded = pack.load();
        return new SuiteReader().read(loaded.root(), loaded.manifest(), Progress.NONE);
    }

    private PackException refused(TestPack pack) {
        return assertThrows(PackException.class, () -> read(pack));
    }

    @Test
    void aPackWithoutOptionalSuitesReadsAsAllMissing() throws PackException {
        PackSuites suites = read(new TestPack(folder));
        assertEquals(List.of("safety", "latency", "canary", "holdoutGroup", "humanBaseline", "metricHistory",
                "feedback", "annotations", "trainingIds", "drift", "monitoring"), suites.missing());
    }

    @Test
    void driftFeaturesKeepTheManifestOrderSoReportsAreTheSameOnEveryRun() throws PackException {
        List<String> features = List.of("zone", "channel", "tier", "brand", "os", "locale", "plan", "device");
        StringBuilder csv = new StringBuilder("sample," + String.join(",", features) + ",prediction\n");
        for (String sample : List.of("reference", "current")) {
            csv.append(sample).append(",a".repeat(features.size())).append(",x\n");
        }
        PackSuites suites = read(new TestPack(folder).drift(csv.toString(), List.of(), features));

        List<String> expected = new java.util.ArrayList<>(features);
        expected.add("prediction");
        assertEquals(expected, List.copyOf(suites.drift().get().categorical().keySet()));
    }

    @Test
    void everySuiteReadsWhenWellFormed() throws PackException {
        PackSuites suites = read(new TestPack(folder)
                .suite("safety", "safety.csv", "example_id,category,violation_1,violation_2\ns1,toxic,0,1\ns2,pii,1,0\n")
                .suite("latency", "latency.csv", "version,latency_ms\n1,12.5\n2,14\n")
                .suite("canary", "canary.csv", "date,version,requests,successes\n2026-11-01,2,10,9\n")
                .suite("holdoutGroup", "hg.csv", "date,group,value,n\n2026-11-01,holdout,0.5,100\n")
                .suite("humanBaseline", "hb.csv", "example_id,label,human,pred_1,pred_2\nh1,a,a,b,a\n")
                .suite("metricHistory", "mh.csv", "version,date,value\n40,2026-01-01,0.8\n")
                .suite("feedback", "fb.csv", "date,interactions,negative\n2026-11-02,100,3\n2026-11-01,90,2\n")
                .suite("annotations", "an.csv", "example_id,annotator,label\nex-1,ann1,a\nex-1,ann2,b\n")
                .suite("trainingIds", "tr.csv", "example_id,input_hash\nt1,abc\nt2,\n")
                .suite("monitoring", "monitoring.json", "{\"newLabelledExamples\": 12}")
                .drift("sample,length,channel,prediction\nreference,10,web,a\ncurrent,12,mail,b\n",
                        List.of("length"), List.of("channel")));
        assertEquals(List.of(), suites.missing());
        assertTrue(suites.safety().get().violations().get("2")[0]);
        assertEquals(14, suites.latency().get().of("2")[0]);
        assertEquals("2026-11-01", suites.feedback().get().get(0).date().toString(), "feedback sorted by date");
        assertEquals(java.util.Set.of("abc"), suites.trainingIds().get().inputHashes());
        assertEquals(List.of("b"), suites.drift().get().categorical().get("prediction").current());
        assertEquals(12L, suites.monitoring().get().newLabelledExamples());
    }

    @Test
    void safetyCellsReadAsWeightedRowsAndADuplicateCellIsRefusedWithItsLine() throws PackException {
        PackSuites suites = read(new TestPack(folder).suite("safety", "safety_cells.csv",
                "category,violation_1,violation_2,n\ntoxic,0,0,90\ntoxic,0,1,7\npii,1,0,3\n"));
        assertTrue(suites.safety().get().isCells());
        assertEquals(100, suites.safety().get().examples());
        assertEquals(List.of("pii", "toxic"), suites.safety().get().categoryNames());

        PackException twice = refused(new TestPack(folder).suite("safety", "s.csv",
                "category,violation_1,violation_2,n\ntoxic,0,1,9\ntoxic,0,1,7\n"));
        assertEquals(3, twice.line());
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
        PackException noCount = refused(new TestPack(folder).suite("safety", "s.csv",
                "category,violation_1,violation_2\ntoxic,0,1\n"));
        assertEquals("s.csv, line 1 (the header)", noCount.location(), "the header lacks a column; 'category' is fine");
    }

    @Test
    void latencyBucketsReadAsCountsAndAreRefusedWithLineAndColumnWhenTheyOverlapOrLeaveTheRange()
            throws PackException {
        PackSuites suites = read(new TestPack(folder).suite("latency", "latency_buckets.csv",
                "version,bucket,n\n1,110,7\n1,111,3\n2,-200,1\n"));
        assertTrue(suites.latency().get().isBucketed());
        assertEquals(10, suites.latency().get().bucketsByVersion().get("1").n());

        PackException overlap = refused(new TestPack(folder).suite("latency", "l.csv",
                "version,bucket,n\n1,110,7\n1,110,3\n"));
        assertEquals(3, overlap.line());
        assertEquals(2, overlap.column());
        assertTrue(overlap.getMessage().contains("listed twice"), overlap.getMessage());
        // the summary SQL writes bucket -1000 for a negative latency
        PackException negative = refused(new TestPack(folder).suite("latency", "l.csv",
                "version,bucket,n\n2,-1000,1\n"));
        assertEquals(2, negative.line());
        assertTrue(negative.getMessage().contains("within -200"), negative.getMessage());
        PackException count = refused(new TestPack(folder).suite("latency", "l.csv",
                "version,bucket,n\n2,5,-1\n"));
        assertEquals(3, count.column());
        PackException both = refused(new TestPack(folder).suite("latency", "l.csv",
                "version,latency_ms,bucket,n\n2,5,1,1\n"));
        assertEquals("l.csv, line 1 (the header)", both.location(), "the header's choice of columns is at fault");
    }

    @Test
    void aDuplicateExampleIdNamesLineAndColumn() {
        PackException e = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2\ns1,toxic,0,1\ns1,pii,1,0\n"));
        assertEquals("safety.csv", e.file());
        assertEquals(3, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void textAfterAClosingQuoteIsRefusedAtItsLineInsteadOfBecomingACategory() {
        PackException e = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2\ns1,toxic,0,1\ns2,\"pii\"x,1,0\n"));
        assertEquals("safety.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("text follows the closing quote of this quoted field; close the quote, or write a quote that is "
                + "part of the value as two quotes (\"\")", e.problem());
    }

    @Test
    void aNonNumberOrNaNLatencyIsRefused() {
        PackException nan = refused(new TestPack(folder).suite("latency", "latency.csv",
                "version,latency_ms\n1,12\n2,NaN\n"));
        assertEquals(3, nan.line());
        assertEquals(2, nan.column());
        assertTrue(nan.problem().contains("finite"), nan.problem());
    }

    @Test
    void aViolationFlagOtherThanZeroOrOneIsRefused() {
        PackException e = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2\ns1,toxic,0,2\n"));
        assertEquals(2, e.line());
        assertEquals(4, e.column());
    }

    @Test
    void aColumnForAVersionNotInTheManifestIsRefused() {
        PackException e = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2,violation_9\ns1,toxic,0,1,0\n"));
        assertEquals(1, e.line());
        assertEquals(5, e.column());
        assertTrue(e.problem().contains("violation_9"), e.problem());
    }

    @Test
    void aMissingVersionColumnIsRefused() {
        PackException e = refused(new TestPack(folder).suite("humanBaseline", "hb.csv",
                "example_id,label,human,pred_1\nh1,a,a,b\n"));
        assertTrue(e.problem().contains("pred_2"), e.problem());
        assertEquals("hb.csv, line 1 (the header)", e.location());
    }

    @Test
    void anUnknownVersionInARowIsRefused() {
        PackException e = refused(new TestPack(folder).suite("latency", "latency.csv", "version,latency_ms\n7,12\n"));
        assertEquals(2, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void successesAboveRequestsAreRefused() {
        PackException e = refused(new TestPack(folder).suite("canary", "canary.csv",
                "date,version,requests,successes\n2026-11-01,2,10,11\n"));
        assertEquals(4, e.column());
    }

    @Test
    void aSecondRowForTheSameDayAndVersionIsRefused() {
        PackException e = refused(new TestPack(folder).suite("canary", "canary.csv",
                "date,version,requests,successes\n2026-11-01,2,10,9\n2026-11-01,2,12,11\n"));
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertTrue(e.problem().contains("a second row"), e.problem());
    }

    @Test
    void aHoldoutGroupsColumnsSayWhatItsValuesAreRatesMeansOrUnknown() throws PackException {
        HoldoutGroupPoint rate = read(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n,successes,value\n2026-11-01,holdout,1887,1169,0.62\n")).holdoutGroup().get().get(0);
        assertEquals(1169.0 / 1887, rate.value(), 1e-15);
        assertEquals(new HoldoutGroupPoint.Successes(1169), rate.spread());

        HoldoutGroupPoint mean = read(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,value,n,sd\n2026-11-01,treated,14.5,900,9.5\n")).holdoutGroup().get().get(0);
        assertEquals(14.5, mean.value());
        assertEquals(new HoldoutGroupPoint.StandardDeviation(9.5), mean.spread());

        HoldoutGroupPoint unknown = read(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,value,n\n2026-11-01,treated,14.5,900\n")).holdoutGroup().get().get(0);
        assertEquals(HoldoutGroupPoint.Spread.UNKNOWN, unknown.spread());
    }

    @Test
    void aMetricHistoryReadsEachValuesNAndIntervalWhereGivenAndPointValuesOtherwise() throws PackException {
        List<MetricHistoryPoint> history = read(new TestPack(folder).suite("metricHistory", "mh.csv",
                "version,date,value,n,lower,upper\n40,2026-08-03,0.829,20000,0.819,0.839\n")).metricHistory().get();
        assertEquals(new MetricHistoryPoint("40", LocalDate.of(2026, 8, 3), 0.829, 20_000L, new Interval(0.819, 0.839)),
                history.get(0));
        MetricHistoryPoint counted = read(new TestPack(folder).suite("metricHistory", "mh.csv",
                "version,date,value,n\n40,2026-08-03,0.829,20000\n")).metricHistory().get().get(0);
        assertEquals(20_000L, counted.n());
        assertNull(counted.ci());
        MetricHistoryPoint point = read(new TestPack(folder).suite("metricHistory", "mh.csv",
                "version,date,value\n40,2026-08-03,0.829\n")).metricHistory().get().get(0);
        assertFalse(point.hasUncertainty());
    }

    /** A history value the pipeline wrote wrongly is refused at its cell, never read as a better or worse model. */
    @Test
    void aMetricHistoryIsRefusedAtTheCellOfAnImpossibleValue() {
        String header = "version,date,value,n,lower,upper\n";
        PackException aboveItsValue = refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,0.829,20000,0.819,0.839\n41,2026-09-03,0.824,20000,0.830,0.834\n"));
        assertEquals(List.of(3L, 5L), List.of(aboveItsValue.line(), aboveItsValue.column()));
        assertTrue(aboveItsValue.problem().contains("lower 0.830 is above value 0.824"), aboveItsValue.problem());
        PackException belowItsValue = refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,0.829,20000,0.819,0.828\n"));
        assertEquals(List.of(2L, 6L), List.of(belowItsValue.line(), belowItsValue.column()));
        PackException noExamples = refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,0.829,0,0.819,0.839\n"));
        assertEquals(List.of(2L, 4L), List.of(noExamples.line(), noExamples.column()));
        assertTrue(noExamples.problem().contains("n is 0"), noExamples.problem());
        assertEquals(4, refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,0.829,-5,0.819,0.839\n")).column());
        // the pack's primary metric is accuracy: 82.9 is a percentage, and so is an upper end of 83.9
        PackException percentage = refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,82.9,20000,81.9,83.9\n"));
        assertEquals(List.of(2L, 3L), List.of(percentage.line(), percentage.column()));
        assertTrue(percentage.problem().contains("value 82.9 is above 1, the highest accuracy can be; give the share "
                + "of 1, not a percentage"), percentage.problem());
        assertEquals(6, refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,0.829,20000,0.819,83.9\n")).column());
        assertEquals(3, refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                header + "40,2026-08-03,-0.1,20000,-0.2,0.1\n")).column());
        PackException oneEnd = refused(new TestPack(folder).suite("metricHistory", "mh.csv",
                "version,date,value,upper\n40,2026-08-03,0.829,0.839\n"));
        assertEquals(List.of(1L, 4L), List.of(oneEnd.line(), oneEnd.column()));
        assertTrue(oneEnd.problem().contains("both ends, lower and upper"), oneEnd.problem());
    }

    /** The range is the primary metric's own: Cohen's kappa may be below 0, not below −1. */
    @Test
    void aMetricHistoryReadsValuesInThePrimaryMetricsOwnRange() throws PackException {
        MetricHistoryPoint kappa = read(new TestPack(folder).primaryMetric("cohen_kappa").suite("metricHistory",
                "mh.csv", "version,date,value,lower,upper\n40,2026-08-03,-0.05,-0.12,0.02\n")).metricHistory().get()
                .get(0);
        assertEquals(new Interval(-0.12, 0.02), kappa.ci());
        PackException belowMinusOne = refused(new TestPack(folder).primaryMetric("cohen_kappa").suite("metricHistory",
                "mh.csv", "version,date,value,lower,upper\n40,2026-08-03,-0.05,-1.2,0.02\n"));
        assertEquals(4, belowMinusOne.column());
        assertTrue(belowMinusOne.problem().contains("the lowest cohen_kappa can be"), belowMinusOne.problem());
    }

    @Test
    void aHoldoutRateWrittenBesideItsCountsMustBeTheirShareAsFarAsItIsWritten() {
        // 1169 / 1887 = 0.61950…: 62 (a percentage) and 0.63 are refused at the value's cell; 0.62 and 0.6195 read
        PackException percentage = refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n,successes,value\n2026-11-01,holdout,1887,1169,62\n"));
        assertEquals(2, percentage.line());
        assertEquals(5, percentage.column());
        assertTrue(percentage.problem().contains("value 62 is not successes / n = 1169 / 1887 = 0.619502")
                && percentage.problem().contains("not a percentage"), percentage.problem());
        assertEquals(5, refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n,successes,value\n2026-11-01,holdout,1887,1169,0.63\n")).column());
        assertEquals(5, refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n,successes,value\n2026-11-01,holdout,1887,1169,0.6196\n")).column());
    }

    @Test
    void aHoldoutGroupIsRefusedWhereItsSpreadCannotBeRead() {
        PackException noValue = refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n\n2026-11-01,holdout,100\n"));
        assertEquals(1, noValue.line());
        assertTrue(noValue.problem().contains("value (each group's metric) or successes"), noValue.problem());
        PackException both = refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,value,n,successes,sd\n2026-11-01,holdout,0.5,100,50,0.1\n"));
        assertEquals(1, both.line());
        assertEquals(6, both.column());
        PackException above = refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n,successes\n2026-11-01,holdout,100,101\n"));
        assertEquals(2, above.line());
        assertEquals(4, above.column());
        PackException none = refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,n,successes\n2026-11-01,holdout,0,0\n"));
        assertEquals(3, none.column());
        assertEquals(5, refused(new TestPack(folder).suite("holdoutGroup", "hg.csv",
                "date,group,value,n,sd\n2026-11-01,holdout,0.5,100,-1\n")).column());
    }

    @Test
    void aBadDateAndAMissingColumnAreRefused() {
        assertEquals(1, refused(new TestPack(folder).suite("feedback", "fb.csv",
                "date,interactions,negative\n11/02/2026,100,3\n")).column());
        PackException missing = refused(new TestPack(folder).suite("feedback", "fb.csv", "date,interactions\n"));
        assertEquals(1, missing.line());
        assertTrue(missing.problem().contains("negative"), missing.problem());
    }

    @Test
    void anIncompleteMonitoringPartIsRefusedWithItsLocation() {
        PackException e = refused(new TestPack(folder).suite("monitoring", "monitoring.json",
                "{\n  \"primaryMetric\": {\"baseline\": 0.8}\n}"));
        assertEquals("monitoring.json", e.file());
        assertEquals("2, 20", e.line() + ", " + e.column(), "at the part's opening brace: " + e.getMessage());
        assertTrue(e.problem().contains("primaryMetric"), e.problem());
    }

    /** The rate's check runs after its object is read; the refusal still names the line and column of the rate. */
    @Test
    void aMonitoringRateOutOfRangeIsRefusedWhereItIsWritten() {
        PackException e = refused(new TestPack(folder).suite("monitoring", "monitoring.json",
                "{\n  \"safetyViolations\": {\n    \"baselineRate\": 0.01,\n    \"baselineN\": 900,\n"
                        + "    \"currentRate\": 1.2,\n    \"currentN\": 800\n  }\n}"));
        assertEquals("5, 20", e.line() + ", " + e.column(), e.getMessage());
        assertEquals("safetyViolations.currentRate must be between 0 and 1, got 1.2", e.problem());
    }

    @Test
    void aSuiteFileMissingFromThePackIsRefused() {
        TestPack pack = new TestPack(folder).suite("latency", "latency.csv", "version,latency_ms\n");
        folder.resolve("latency.csv").toFile().delete();
        assertThrows(PackException.class, () -> read(pack));
    }

    @Test
    void aSuiteWithAByteOrderMarkReads() throws PackException {
        PackSuites suites = read(new TestPack(folder).suite("latency", "latency.csv",
                "\uFEFFversion,latency_ms\n1,12\n2,15\n"));
        assertEquals(1, suites.latency().orElseThrow().millisByVersion().get("2").length);
    }

    @Test
    void aSuiteThatIsNotUtf8IsRefusedAtTheLineWhereDecodingFailed() throws Exception {
        TestPack pack = new TestPack(folder).suite("annotations", "annotations.csv", "");
        pack.write();
        Files.write(folder.resolve("annotations.csv"), "example_id,annotator,label\nr1,Jörg,a\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        PackException e = assertThrows(PackException.class, () -> new SuiteReader()
                .read(folder, pack.load().manifest(), Progress.NONE));
        assertEquals("annotations.csv", e.file());
        assertEquals(2, e.line());
        assertEquals(2, e.column(), "the annotator of r1,Jörg,a");
        assertTrue(e.problem().startsWith("(annotator) character 2 of this value, byte 0xF6, is not UTF-8"),
                e.problem());
    }

    /** Rows of another length are placed as the pack loader places them: at the column lacking, or the first beyond. */
    @Test
    void aRowOfAnotherLengthIsPlacedAtItsColumn() throws IOException {
        PackException shortRow = refused(new TestPack(folder).suite("latency", "latency.csv",
                "version,latency_ms\n1,12\n2\n"));
        assertEquals(List.of(3L, 2L, "(latency_ms) the row ends before this column: it has 1 field but the header has 2"),
                List.of(shortRow.line(), shortRow.column(), shortRow.problem()));
        PackException longRow = refused(new TestPack(Files.createDirectories(folder.resolve("long"))).suite("latency", "latency.csv",
                "version,latency_ms\n1,12,7\n"));
        assertEquals(List.of(2L, 3L), List.of(longRow.line(), longRow.column()));
        assertTrue(longRow.problem().startsWith("the row has 3 fields but the header has 2"), longRow.problem());
    }

    /** A value of thousands of characters is no category (a broken row): refused at its field. */
    @Test
    void aValueOfThousandsOfCharactersIsRefused() {
        PackException longValue = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2\ns1," + "t".repeat(1_001) + ",0,1\n"));
        assertEquals(List.of(2L, 2L), List.of(longValue.line(), longValue.column()));
        assertTrue(longValue.problem().startsWith("category: value is 1,001 characters long, more than the 1,000"),
                longValue.problem());
    }

    @Test
    void anOptionalSuiteLongerThanTheRowLimitIsRefusedWithHowToRaiseIt() throws PackException {
        ReviewPack loaded = new TestPack(folder).suite("latency", "latency.csv",
                "version,latency_ms\n1,12\n2,15\n1,13\n").load();
        PackException e = assertThrows(PackException.class, () -> new SuiteReader(new PackLimits(1_000, 10_000, 2))
                .read(loaded.root(), loaded.manifest(), Progress.NONE));
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("more than 2 rows") && e.problem().contains("--max-suite-rows"), e.problem());
    }

    @Test
    void aHexOrSuffixedNumberIsRefusedInASuite() {
        PackException e = refused(new TestPack(folder).suite("latency", "latency.csv",
                "version,latency_ms\n1,0x1p4\n2,15\n"));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("'0x1p4' is not a number"), e.problem());
    }

    @Test
    void monitoringIsStrictAboutKeysWholeNumbersAndDuplicates() {
        PackException fraction = refused(new TestPack(folder).suite("monitoring", "monitoring.json",
                "{\"newLabelledExamples\": 18400.5}"));
        assertEquals("newLabelledExamples must be a whole number, not the number 18400.5", fraction.problem());
        PackException duplicate = refused(new TestPack(folder).suite("monitoring", "monitoring.json",
                "{\"newLabelledExamples\": 1,\n \"newLabelledExamples\": 2}"));
        assertEquals(2, duplicate.line());
        assertTrue(duplicate.problem().contains("appears twice"), duplicate.problem());
    }

    @Test
    void aCountMustBeAsciiDigits() {
        for (String count : new String[] {"+1000", "\u0661\u0660\u0660\u0660", "1e3", "1000.0"}) {
            PackException e = refused(new TestPack(folder).suite("feedback", "feedback.csv",
                    "date,interactions,negative\n2026-11-01," + count + ",3\n"));
            assertEquals(2, e.line());
            assertTrue(e.problem().contains("must be a whole number"), count + ": " + e.problem());
        }
    }

    /** A category with a space around it would be a category of its own printed like the real one: refused, not trimmed. */
    @Test
    void aCategoryWithASpaceAroundItOrALineBreakInItIsRefusedAtItsColumn() {
        PackException padded = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2\ns1,toxic,0,1\ns2,toxic ,1,0\n"));
        assertEquals(List.of("safety.csv", 3L, 2L, "category: 'toxic ' has a space after it, so it prints like 'toxic'"
                + " but is another value; remove the whitespace (Verdict neither takes it as part of the value nor"
                + " removes it)"), List.of(padded.file(), padded.line(), padded.column(), padded.problem()));
        PackException twoLines = refused(new TestPack(folder).suite("safety", "safety.csv",
                "example_id,category,violation_1,violation_2\ns1,toxic,0,1\ns2,\"tox\nic\",1,0\n"));
        assertEquals(List.of(3L, 2L, "category: " + RowProblems.lineBreakInValue()),
                List.of(twoLines.line(), twoLines.column(), twoLines.problem()));
    }

    @Test
    void aNumberWithASpaceAroundItIsRefusedInASuite() {
        PackException e = refused(new TestPack(folder).suite("latency", "latency.csv",
                "version,latency_ms\n1,12\n2, 15\n"));
        assertEquals(List.of(3L, 2L, "latency_ms: ' 15' has a space before it; write the number without whitespace"
                + " around it"), List.of(e.line(), e.column(), e.problem()));
    }
}
