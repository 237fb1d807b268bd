package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.pack.PackException;

class PolicyReaderTest {
    @TempDir
    Path folder;

    private GatePolicy read(String json) throws IOException, PackException {
        Path file = folder.resolve("policy.json");
        Files.writeString(file, json);
        return new PolicyReader().read(file, "policy.json");
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
        assertTrue(e.problem().startsWith("unknown key 'marign' (a typo?); known keys here: ["), e.problem());
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

    @Test
    void aFractionWhereAWholeNumberIsMeantIsRefused() {
        PackException e = assertThrows(PackException.class,
                () -> read("{\n  \"validation\": {\"minPerClass\": 2.5}\n}"));
        assertEquals(2, e.line());
        assertEquals("'minPerClass' must be a whole number, not the number 2.5", e.problem());
    }

    @Test
    void aNumberWrittenAsTextIsRefused() {
        PackException e = assertThrows(PackException.class, () -> read("{\"alpha\": \"0.01\"}"));
        assertEquals("'alpha' must be a number, not the string \"0.01\"", e.problem());
    }

    @Test
    void aDuplicateKeyIsRefusedInsteadOfTheLastOneWinning() {
        PackException e = assertThrows(PackException.class,
                () -> read("{\n  \"alpha\": 0.01,\n  \"alpha\": 0.4\n}"));
        assertEquals(3, e.line());
        assertEquals("key 'alpha' appears twice", e.problem());
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
                "key 'latency' appears twice");
        assertRefused("{\"notApplicable\": [\"latency\"]}", "notApplicable must be an object");
    }
}
