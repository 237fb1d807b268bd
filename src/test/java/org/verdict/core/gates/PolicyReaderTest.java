package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;

class PolicyReaderTest {
    @TempDir
    Path folder;

    private GatePolicy read(String json) throws IOException, PackException {
        Path file = folder.resolve("policy.json");
        Files.writeString(file, json);
        return new PolicyReader().read(file, "policy.json");
    }

    /**
     * A margin of 1.5 is beyond every f1 difference (at most 1), so gate 1 could never fail; for brier it is 150 % of
     * production's brier, a share of its value rather than a distance in [0, 1], so it has no such ceiling.
     */
    @Test
    void aMarginThatIsAShareOfProductionsValueHasNoCeiling() throws Exception {
        GatePolicy policy = read("{\"primary\": {\"margin\": 1.5}}");
        Path file = folder.resolve("policy.json");
        PackException f1 = assertThrows(PackException.class,
                () -> new PolicyReader().requireMarginsWithin(policy, Metric.F1, file, "policy.json"));
        assertTrue(f1.getMessage().contains("primary.margin must be below 1, the widest difference the primary "
                + "metric f1 can show, got 1.5"), f1.getMessage());
        new PolicyReader().requireMarginsWithin(policy, Metric.BRIER, file, "policy.json");
        new PolicyReader().requireMarginsWithin(policy, Metric.LOG_LOSS, file, "policy.json");
    }

    @Test
    void anEmptyPolicyTakesEveryDocumentedDefault() throws Exception {
        GatePolicy policy = read("{}");
        assertEquals(0.95, policy.confidenceLevel());
        assertEquals(0.01, policy.primary().margin());
        assertEquals(0.01, policy.safety().acceptedRateOf("anything"));
        assertEquals(0.05, policy.fairness().toleranceOf("demographic_parity_ratio"));
        assertNull(policy.fairness().positiveClass());
        assertEquals("language", policy.languageParity().column());
        assertNull(policy.languageParity().floor());
        assertEquals(0.05, policy.languageParity().tolerance());
        assertEquals(300.0, policy.latency().p95Ms());
        assertEquals(800.0, policy.latency().p99Ms());
        assertEquals(0.02, policy.circuitBreaker().margin());
        assertEquals(0.25, policy.triggers().psiMajor());
        assertEquals(0.95, policy.validation().adjudicationTarget());
        assertEquals(GatePolicy.DEFAULTS, policy);
    }

    @Test
    void givenKeysOverrideOnlyThemselves() throws Exception {
        GatePolicy policy = read("{\"safety\": {\"acceptedRates\": {\"self_harm\": 0.0}}, \"latency\": {\"p99Ms\": 250}}");
        assertEquals(0.0, policy.safety().acceptedRateOf("self_harm"));
        assertEquals(0.01, policy.safety().acceptedRateOf("toxic"));
        assertEquals(250.0, policy.latency().p99Ms());
        assertEquals(300.0, policy.latency().p95Ms());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLocation() {
        PackException e = assertThrows(PackException.class, () -> read("{\n  \"primary\": {\"marign\": 0.02}\n}"));
        assertEquals("policy.json", e.file());
        assertEquals(2, e.line());
        assertEquals(15, e.column(), "where the misspelt key starts, not its value");
        assertTrue(e.problem().startsWith("unknown key primary.marign (a typo?); known keys here: ["), e.problem());
        assertTrue(e.problem().contains("margin"), "names the keys that would be accepted: " + e.problem());
        assertTrue(!e.problem().contains("org.verdict"), "no class names from the code: " + e.problem());
    }

    @Test
    void aValueOutOfRangeIsRefused() {
        PackException e = assertThrows(PackException.class, () -> read("{\"safety\": {\"acceptedRate\": 1.5}}"));
        assertTrue(e.problem().contains("safety.acceptedRate"), e.problem());
    }

    /** Each of these would otherwise change a gate's meaning without anyone noticing. */
    @Test
    void misspeltNamesAndImpossibleThresholdsAreRefused() {
        assertRefused("{\"requiredSuites\": [\"canery\"]}", "requiredSuites: 'canery'");
        assertRefused("{\"fairness\": {\"tolerances\": {\"demographic_parity_diference\": 0.1}}}",
                "unknown disparity 'demographic_parity_diference'");
        assertRefused("{\"latency\": {\"p95Ms\": -5}}", "latency.p95Ms must be above 0");
        // E: 0 leaves no band of "no significant difference", 1 a band no language could leave
        assertRefusedAt("{\"languageParity\": {\"tolerance\": 0}}", 1, 34,
                "languageParity.tolerance must be above 0 and below 1, got 0");
        assertRefused("{\"languageParity\": {\"tolerance\": 1}}",
                "languageParity.tolerance must be above 0 and below 1, got 1");
        assertRefused("{\"validation\": {\"minKappa\": 7}}", "validation.minKappa must be between -1 and 1, got 7");
        assertRefused("{\"validation\": {\"maxContaminationRate\": -1}}", "validation.maxContaminationRate");
        assertRefused("{\"triggers\": {\"psiModerate\": 0.3, \"psiMajor\": 0.2}}",
                "triggers.psiMajor must be at least 0.3");
        assertRefused("{\"fairness\": {\"minGroupSize\": 0}}", "fairness.minGroupSize must be at least 1");
    }

    /** A disparity's worsening and a canary's lift lie within ±1: a tolerance or margin of 1 lets nothing fail. */
    @Test
    void aToleranceOrMarginThatHoldsEveryResultIsRefused() throws Exception {
        assertRefused("{\"canary\": {\"margin\": 1}}", "canary.margin must be at least 0 and below 1, got 1");
        assertRefused("{\"fairness\": {\"tolerances\": {\"demographic_parity_ratio\": 1}}}",
                "fairness.tolerances.demographic_parity_ratio must be at least 0 and below 1, got 1");
        assertEquals(0.99, read("{\"canary\": {\"margin\": 0.99}}").canary().margin());
    }

    /**
     * A range check runs once its object has been read, where the parser already stands on the closing brace; the
     * refusal must still name the line and column of the value. The value sits on a line of its own, away from the
     * braces, so a location at the brace fails.
     */
    @Test
    void aValueBelowItsMinimumIsRefusedWhereTheValueIsWritten() {
        assertRefusedAt("{\n  \"primary\": {\n    \"margin\": -0.01\n  },\n  \"alpha\": 0.05\n}", 3, 15,
                "primary.margin must be at least 0, got -0.01");
        assertRefusedAt("{\n  \"canary\": {\n    \"margin\": -0.5\n  }\n}", 3, 15,
                "canary.margin must be at least 0 and below 1, got -0.5");
        assertRefusedAt("{\n  \"fairness\": {\n    \"tolerances\": {\n      \"equalized_odds_difference\": -1\n"
                + "    }\n  }\n}", 4, 36, "fairness.tolerances.equalized_odds_difference must be at least 0");
        assertRefusedAt("{\n  \"alpha\":\n    0.9,\n  \"seed\": 1\n}", 3, 5, "alpha must be between");
    }

    @Test
    void aValueAtOrAboveItsMaximumIsRefusedWhereTheValueIsWritten() {
        assertRefusedAt("{\n  \"canary\": {\n    \"margin\": 1\n  }\n}", 3, 15,
                "canary.margin must be at least 0 and below 1, got 1");
        assertRefusedAt("{\n  \"fairness\": {\n    \"tolerances\": {\n      \"demographic_parity_difference\": 1\n"
                + "    },\n    \"minGroupSize\": 30\n  }\n}", 4, 40,
                "fairness.tolerances.demographic_parity_difference must be at least 0 and below 1, got 1");
        assertRefusedAt("{\n  \"safety\": {\n    \"acceptedRates\": {\"pii/leak\": 1.5}\n  }\n}", 3, 35,
                "safety.acceptedRates.pii/leak must be between 0 and 1, got 1.5");
        assertRefusedAt("{\"requiredSuites\": [\n  \"canary\",\n  \"canery\"\n]}", 3, 3,
                "requiredSuites: 'canery'");
        // a gate's name where its evidence is meant is refused with the evidence's name
        assertRefusedAt("{\"requiredSuites\": [\"safety\", \"fairness\"]}", 1, 31, "requiredSuites: 'fairness' is "
                + "not evidence that can be required (the fairness gate's evidence is \"sensitive\"); one of [safety, "
                + "sensitive, language, latency, canary, metricHistory, annotations, trainingIds]");
        assertRefusedAt("{\"requiredSuites\": [\"language_parity\"]}", 1, 21,
                "(the language_parity gate's evidence is \"language\")");
    }

    private void assertRefusedAt(String policy, int line, int column, String expected) {
        PackException e = assertThrows(PackException.class, () -> read(policy));
        assertTrue(e.problem().contains(expected), e.problem());
        assertEquals(line + ", " + column, e.line() + ", " + e.column(), e.getMessage());
    }

    private void assertRefused(String policy, String expected) {
        PackException e = assertThrows(PackException.class, () -> read(policy));
        assertTrue(e.problem().contains(expected), e.problem());
    }

    @Test
    void brokenJsonIsRefused() {
        assertThrows(PackException.class, () -> read("{\"alpha\": "));
    }

    /** Jackson named the place an unclosed object opens by a "[Source: REDACTED …]" that means nothing to a user. */
    @Test
    void anObjectNeverClosedSaysWhereItOpens() {
        PackException e = assertThrows(PackException.class, () -> read("{\"alpha\": 0.05,\n \"primary\": {\"margin\": 0.01}\n"));
        assertEquals("is not valid JSON: the file ends before the object that opens at line 1, column 1 is closed"
                + " with }: the file is cut short, or a closing } is missing", e.problem());
    }

    @Test
    void aFractionWhereAWholeNumberIsMeantIsRefused() {
        PackException e = assertThrows(PackException.class,
                () -> read("{\n  \"validation\": {\"minPerClass\": 2.5}\n}"));
        assertEquals(2, e.line());
        assertEquals("validation.minPerClass must be a whole number, not the number 2.5", e.problem());
    }

    @Test
    void aNumberWrittenAsTextIsRefused() {
        PackException e = assertThrows(PackException.class, () -> read("{\"alpha\": \"0.01\"}"));
        assertEquals("alpha must be a number, not the string \"0.01\"", e.problem());
    }

    /**
     * Every value of the wrong kind is named by its whole path, as the range errors name theirs, and placed at the
     * value itself: a bare 'margin' would not say whether the primary-metric gate, the canary or the circuit
     * breaker is meant.
     */
    @Test
    void aValueOfTheWrongKindIsNamedByItsWholePathAtItsOwnLineAndColumn() {
        assertRefusedAt("{\n  \"canary\": {\"margin\": 0},\n  \"primary\": {\"margin\": \"0.01\"}\n}", 3, 25,
                "primary.margin must be a number, not the string \"0.01\"");
        assertRefusedAt("{\"requiredSuites\": {\"canary\": true}}", 1, 20,
                "requiredSuites must be a list, not a JSON object");
        assertRefusedAt("{\"requiredSuites\": [\"canary\", 7]}", 1, 31,
                "requiredSuites[1] must be a string, not the number 7");
        assertRefusedAt("{\"safety\": {\"acceptedRates\": {\"pii_leak\": \"low\"}}}", 1, 43,
                "safety.acceptedRates.pii_leak must be a number, not the string \"low\"");
        assertRefusedAt("{\"fairness\": {\"tolerances\": [0.05]}}", 1, 29,
                "fairness.tolerances must be a JSON object, not a list");
        assertRefusedAt("{\"triggers\": {\"psiBins\": 10.5}}", 1, 26,
                "triggers.psiBins must be a whole number, not the number 10.5");
        assertRefusedAt("{\"languageParity\": {\"floor\": true}}", 1, 30,
                "languageParity.floor must be a number, not true");
        assertRefusedAt("{\"primary\": 0.01}", 1, 13, "primary must be a JSON object, not the number 0.01");
    }

    /** Jackson's own words for a whole number too large for its field named no key and pointed past the value. */
    @Test
    void aWholeNumberTooLargeForItsFieldIsNamedByItsPath() {
        assertRefusedAt("{\"triggers\": {\"psiBins\": 99999999999}}", 1, 26,
                "triggers.psiBins must be a whole number from -2147483648 to 2147483647, not the number 99999999999");
    }

    @Test
    void anUnknownOrRepeatedKeyIsNamedByItsWholePath() {
        PackException unknown = assertThrows(PackException.class,
                () -> read("{\"circuitBreaker\": {\"margin\": 0.02, \"margn\": 0.01}}"));
        assertEquals(List.of(1L, 37L), List.of(unknown.line(), unknown.column()));
        assertEquals("unknown key circuitBreaker.margn (a typo?); known keys here: [margin]", unknown.problem());
        PackException repeated = assertThrows(PackException.class,
                () -> read("{\"canary\": {\"margin\": 0.01, \"margin\": 0.02}}"));
        assertEquals("key canary.margin appears twice", repeated.problem());
    }

    @Test
    void anythingAfterThePolicyObjectIsRefusedInWords() {
        assertRefusedAt("{}\n{}", 2, 1, "holds more after its JSON value ends; a file holds one JSON object");
    }

    private void assertRefusedAt(String json, long line, long column, String problem) {
        PackException e = assertThrows(PackException.class, () -> read(json), json);
        assertEquals(problem, e.problem(), json);
        assertEquals(List.of(line, column), List.of(e.line(), e.column()), json + ": " + e.getMessage());
    }

    @Test
    void aDuplicateKeyIsRefusedInsteadOfTheLastOneWinning() {
        PackException e = assertThrows(PackException.class,
                () -> read("{\n  \"alpha\": 0.01,\n  \"alpha\": 0.4\n}"));
        assertEquals(3, e.line());
        assertEquals("key alpha appears twice", e.problem());
    }

    @Test
    void aNumberTooLargeForADoubleIsRefused() {
        PackException e = assertThrows(PackException.class, () -> read("{\"latency\": {\"p99Ms\": 1e400}}"));
        assertEquals("latency.p99Ms is 1e400, not a finite number within ±1e100", e.problem());
    }

    @Test
    void refusalsAreInWordsWithoutParserNames() {
        for (String policy : new String[] {"{\"validation\": {\"minPerClass\": 2.5}}", "{\"alpha\": \"x\"}",
                "{\"primary\": 3}", "{\"requiredSuites\": \"canary\"}", "{\"alpha\": 0.01,}"}) {
            PackException e = assertThrows(PackException.class, () -> read(policy));
            for (String jargon : new String[] {"com.fasterxml", "java.", "DeserializationFeature", "`", "Exception"}) {
                assertTrue(!e.getMessage().contains(jargon), policy + " -> " + e.getMessage());
            }
        }
    }

    @Test
    void gatesDeclaredNotApplicableCarryTheirReason() throws Exception {
        GatePolicy policy = read("{\"notApplicable\": {\"latency\": \"batch scoring, no SLO\"}}");
        assertEquals(java.util.Optional.of("batch scoring, no SLO"), policy.notApplicableReason(Gate.LATENCY));
        assertEquals(java.util.Optional.empty(), policy.notApplicableReason(Gate.SAFETY));
    }

    @Test
    void anUnknownGateDeclaredNotApplicableIsRefusedWhereItIsWritten() {
        PackException e = assertThrows(PackException.class, () -> read(
                "{\n  \"notApplicable\": {\n    \"latency\": \"batch\",\n    \"langauge_parity\": \"one language\"\n  }\n}"));
        assertEquals("policy.json", e.file());
        assertEquals(4, e.line());
        assertTrue(e.column() > 1, "column " + e.column());
        assertTrue(e.problem().startsWith("notApplicable: unknown gate 'langauge_parity' (a typo?); gates: ["),
                e.problem());
        assertTrue(e.problem().contains("language_parity"), e.problem());
    }

    @Test
    void aDeclarationWithoutReasonOrOfAGateThatAlwaysAppliesIsRefused() {
        assertRefused("{\"notApplicable\": {\"latency\": \"  \"}}", "notApplicable.latency needs a written reason");
        assertRefused("{\"notApplicable\": {\"latency\": null}}", "notApplicable.latency needs a written reason");
        assertRefused("{\"notApplicable\": {\"primary_metric\": \"we trust it\"}}",
                "the gate 'primary_metric' applies to every model");
        // a repeated key is refused for every JSON file of a pack, before any gate is read
        assertRefused("{\"notApplicable\": {\"latency\": \"a\", \"latency\": \"b\"}}",
                "key notApplicable.latency appears twice");
        assertRefused("{\"notApplicable\": [\"latency\"]}", "notApplicable must be an object");
    }
}
