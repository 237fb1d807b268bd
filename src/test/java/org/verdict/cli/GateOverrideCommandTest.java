package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.RealStylePack.Kind;

/**
 * Primary-only packs through the command line: a policy that declares gates not applicable makes a good candidate
 * pass; a promote over blocked gates needs a justification per gate and is never shown as a plain promote; a
 * record claiming other outcomes than the pack gives is refused.
 */
class GateOverrideCommandTest {
    @TempDir
    Path dir;
    private Path db;
    private BoardCommandLine cli;
    private Path passphrase;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void keys() throws Exception {
        db = dir.resolve("decisions.db");
        cli = new BoardCommandLine(dir);
        passphrase = cli.passphrase;
        out = cli.out;
        err = cli.err;
    }

    /** A promote of the pack's candidate 2 over production 1 that leaves gates and evidence to the pack. */
    private Path promote(String name, Path pack, int riskTier, String overrides, String gates) throws Exception {
        String model = new ObjectMapper().readTree(pack.resolve("manifest.json").toFile()).path("model").path("name")
                .asText();
        String record = """
                {"kind": "promotion", "model": "%s", "decisionDate": "2026-11-20", "decision": "promote",
                 "rationale": "far better on the primary metric", "dataSnapshot": "2026-10",
                 "candidateVersion": "2", "productionVersion": "1", "riskTier": %d,
                 "evaluationSummary": {"gates": %s}, %s
                 "approvers": ["Ada Lovelace"]}
                """.formatted(model, riskTier, gates, overrides == null ? "" : "\"overrides\": " + overrides + ",");
        Path file = dir.resolve(name);
        Files.writeString(file, record);
        return file;
    }

    private int append(Path record, Path pack, String signer) {
        return cli.run(new LogCommand(), "append", "--db", db.toString(), "--record", record.toString(), "--pack",
                pack.toString(), "--key", cli.keyFile(signer),
                "--passphrase-file", passphrase.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPolicyDeclaringGatesNotApplicableMakesAGoodPrimaryOnlyPackPass(Kind kind) throws Exception {
        Path pack = new RealStylePack(dir.resolve("pack"), kind).policy(RealStylePack.NOT_APPLICABLE_POLICY).write();
        assertEquals(0, cli.run(new GateCommand(), pack.toString()), out + "\n" + err);
        String latencyLine = out.toString().lines().filter(l -> l.startsWith("Latency")).findFirst().orElseThrow();
        assertTrue(latencyLine.matches("Latency +– not applicable +batch scoring, no SLO"), latencyLine);
        assertTrue(out.toString().contains("single-language model"), out.toString());
        assertFalse(out.toString().contains("not applicable — "), "the outcome's words are printed once");

        out.getBuffer().setLength(0);
        assertEquals(0, cli.run(new GateCommand(), pack.toString(), "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertTrue(json.get("everyGatePasses").asBoolean());
        JsonNode latency = json.get("gates").get(5);
        assertEquals("latency", latency.get("gate").asText());
        assertEquals("not applicable", latency.get("outcome").asText());
        assertEquals("batch scoring, no SLO", latency.get("notApplicableReason").asText());

        // the promote needs no override, and the signed record states each reason
        assertEquals(0, append(promote("promote.json", pack, 1, null, "[]"), pack, "ada-lovelace"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli.run(new LogCommand(), "list", "--db", db.toString(), "--json"));
        JsonNode listed = new ObjectMapper().readTree(out.toString()).get(0);
        assertEquals("promote", listed.get("decision").asText());
        assertTrue(listed.get("record").get("evaluationSummary").toString()
                .contains("not applicable — batch scoring, no SLO"), listed.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPrimaryOnlyPackIsJudgedOnWhatItHoldsAndTheApprovalNamesWhatItDidNot(Kind kind) throws Exception {
        Path pack = new RealStylePack(dir.resolve("pack"), kind).riskTier(2).write();
        assertEquals(0, cli.run(new GateCommand(), pack.toString()), out + "\n" + err);
        String latencyLine = out.toString().lines().filter(l -> l.startsWith("Latency")).findFirst().orElseThrow();
        assertTrue(latencyLine.matches("Latency +– not applicable +the pack has no latency suite; list \"latency\" in "
                + "the policy's requiredSuites to require one"), latencyLine);
        String approval = out.toString().lines().filter(l -> l.startsWith("Approval: ")).findFirst().orElseThrow();
        assertTrue(approval.startsWith("Approval: Risk tier 2: every applicable gate passes; "), approval);
        assertTrue(approval.matches(".* gates not applicable \\((\\d+ )?optional evidence absent(, 1 nothing to judge)?\\): "
                + "Safety \\(no safety suite\\), .*"), approval);
        assertTrue(approval.endsWith("; promotion needs the approval of an ML lead."), approval);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void promotingOverBlockedGatesNeedsAJustificationForEach(Kind kind) throws Exception {
        Path pack = new RealStylePack(dir.resolve("pack"), kind).policy(RealStylePack.REQUIRED_SUITES_POLICY).write();
        assertEquals(1, cli.run(new GateCommand(), pack.toString()), "safety, latency… lack evidence");

        assertEquals(2, append(promote("bare.json", pack, 1, null, "[]"), pack, "ada-lovelace"));
        String refusal = err.toString();
        for (String gate : new String[] {"Safety", "Language parity", "Latency", "Circuit breaker"}) {
            // the record stated no outcomes ('gates': []): the ones it is held to are Verdict's, and it says so
            assertTrue(refusal.contains("promoting over the gate '" + gate + "', which Verdict judges on " + pack
                    + " as insufficient evidence, needs 'overrides'"), refusal);
        }
        assertFalse(refusal.contains("evaluationSummary states"), refusal);
        assertFalse(Files.exists(db) && cli.run(new LogCommand(), "list", "--db", db.toString()) == 0
                && out.toString().contains("promote"), "nothing was appended");

        String fairness = kind == Kind.REGRESSION ? "" : "{\"gate\": \"fairness\", \"justification\": \"no sensitive "
                + "attributes are collected\"},";
        String justified = "[{\"gate\": \"safety\", \"justification\": \"scores records, generates nothing\"}, "
                + fairness
                + "{\"gate\": \"Language parity\", \"justification\": \"the model serves one language\"},"
                + "{\"gate\": \"latency\", \"justification\": \"nightly batch, nobody waits\"},"
                + "{\"gate\": \"circuit_breaker\", \"justification\": \"first model of its line\"}]";
        assertEquals(0, append(promote("justified.json", pack, 1, justified, "[]"), pack, "ada-lovelace"),
                err.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cli.run(new LogCommand(), "list", "--db", db.toString()));
        String list = out.toString();
        assertTrue(list.contains("promoted over blocked gates"), list);
        assertTrue(list.contains("Latency (insufficient evidence) — nightly batch, nobody waits"), list);
        assertFalse(list.lines().anyMatch(l -> l.matches(".*\\bpromote\\s+real.*")), "never a plain promote: " + list);

        out.getBuffer().setLength(0);
        assertEquals(0, cli.run(new LogCommand(), "verify", "--db", db.toString()));
        assertTrue(out.toString().contains("#1 ") && out.toString().contains("promoted over blocked gates: Safety "
                + "(insufficient evidence) — scores records, generates nothing"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cli.run(new LogCommand(), "list", "--db", db.toString(), "--json"));
        JsonNode listed = new ObjectMapper().readTree(out.toString()).get(0);
        assertEquals("promoted over blocked gates", listed.get("decision").asText());
        assertEquals("nightly batch, nobody waits", listed.get("record").get("overrides")
                .get(kind == Kind.REGRESSION ? 2 : 3).get("justification").asText());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theGateReportSaysWhyNotInTrueWords(Kind kind) throws Exception {
        Path pack = new RealStylePack(dir.resolve("pack"), kind).worseInTheWest()
                .policy(RealStylePack.REQUIRED_SUITES_POLICY).write();
        assertEquals(1, cli.run(new GateCommand(), pack.toString()));
        String text = out.toString();
        assertTrue(text.contains("Slices significantly worse on " + (kind == Kind.REGRESSION ? "mae"
                : kind == Kind.BINARY ? "f1" : "macro_f1") + " (1 of the "), text);
        assertTrue(text.contains(":\n  ▼ segment=west: Δ "), text);
        assertTrue(text.contains("segment (4) reaches its minimum; no 'language' column in the primary suite, so its "
                + "volume is not checked"), text);
        assertFalse(text.contains("every class, language and segment"), text);
        assertTrue(text.contains("defer — no monitoring evidence: no trigger can be judged"), text);

        out.getBuffer().setLength(0);
        cli.run(new GateCommand(), pack.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("segment=west", json.get("worseSlices").get(0).get("slice").asText());
        assertEquals(100, json.get("worseSlices").get(0).get("n").asInt());
        assertTrue(json.get("worseSlices").get(0).get("ciUpper").asDouble() < 0 == (kind != Kind.REGRESSION),
                "the interval lies on the worse side: below 0, or above it for an error metric");
    }

    @Test
    void aTierThreeOverrideNeedsTheFullQuorum() throws Exception {
        // tier 3 requires safety and fairness evidence: without it those two gates block, the others do not apply
        Path pack = new RealStylePack(dir.resolve("pack"), Kind.BINARY).riskTier(3).write();
        String justified = "[{\"gate\": \"safety\", \"justification\": \"scores records, generates nothing\"},"
                + "{\"gate\": \"fairness\", \"justification\": \"no sensitive attributes\"}]";
        assertEquals(0, append(promote("tier3.json", pack, 3, justified, "[]"), pack, "ada-lovelace"), err.toString());
        assertTrue(out.toString().contains("awaiting signatures (ai-safety, product)"), out.toString());
        assertEquals(2, append(promote("tier-lie.json", pack, 1, justified, "[]"), pack, "ada-lovelace"));
        assertTrue(err.toString().contains("riskTier: the record says 1, the pack's model is risk tier 3"),
                err.toString());
    }

    @Test
    void aRecordClaimingOtherOutcomesThanThePackGivesIsRefused() throws Exception {
        Path pack = new RealStylePack(dir.resolve("pack"), Kind.MULTICLASS).policy(RealStylePack.REQUIRED_SUITES_POLICY)
                .write();
        String claimed = "[{\"gate\": \"primary_metric\", \"result\": \"pass\"},"
                + "{\"gate\": \"safety\", \"result\": \"pass\"},"
                + "{\"gate\": \"fairness\", \"result\": \"insufficient evidence\"},"
                + "{\"gate\": \"language_parity\", \"result\": \"pass\"},"
                + "{\"gate\": \"latency\", \"result\": \"pass\"},"
                + "{\"gate\": \"canary\", \"result\": \"not applicable\"},"
                + "{\"gate\": \"circuit_breaker\", \"result\": \"pass\"},"
                + "{\"gate\": \"schema\", \"result\": \"pass\"},"
                + "{\"gate\": \"volume\", \"result\": \"pass\"},"
                + "{\"gate\": \"contamination\", \"result\": \"not applicable\"},"
                + "{\"gate\": \"label_quality\", \"result\": \"not applicable\"}]";
        String fairness = "[{\"gate\": \"fairness\", \"justification\": \"no sensitive attributes\"}]";
        assertEquals(2, append(promote("claims.json", pack, 1, fairness, claimed), pack, "ada-lovelace"));
        String refusal = err.toString();
        assertTrue(refusal.contains("the record states other outcomes than Verdict judges"), refusal);
        for (String gate : new String[] {"Safety", "Language parity", "Latency", "Circuit breaker"}) {
            assertTrue(refusal.contains(gate + ": the record says pass, Verdict judges insufficient evidence"),
                    refusal);
        }
        assertFalse(refusal.contains("Primary metric:"), "the stated primary outcome is right: " + refusal);
        assertFalse(Files.exists(db) && Files.size(db) > 0 && listCount() > 0, "nothing was appended");
    }

    @Test
    void theApprovalPackMarksTheOverrideAndShowsTheReasons() throws Exception {
        Path pack = new RealStylePack(dir.resolve("pack"), Kind.REGRESSION)
                .policy("{\"requiredSuites\": [\"safety\", \"language\", \"metricHistory\"], "
                        + "\"notApplicable\": {\"latency\": \"batch scoring, no SLO\"}}").write();
        String justified = "[{\"gate\": \"safety\", \"justification\": \"predicts prices, generates nothing\"},"
                + "{\"gate\": \"language_parity\", \"justification\": \"the model serves one language\"},"
                + "{\"gate\": \"circuit_breaker\", \"justification\": \"first model of its line\"}]";
        assertEquals(0, append(promote("p.json", pack, 1, justified, "[]"), pack, "ada-lovelace"), err.toString());
        Path report = dir.resolve("report");
        assertEquals(0, cli.run(new ReportCommand(), pack.toString(), "--out", report.toString(), "--db", db.toString()),
                err.toString());
        String html = Files.readString(report.resolve("approval-pack.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("not applicable — batch scoring, no SLO"), "the declared reason is shown");
        assertTrue(html.contains("promote candidate 2 over production 1 — promoted over blocked gates: Safety (insufficient "
                + "evidence) — predicts prices, generates nothing"), "the override is marked");
    }

    private int listCount() throws Exception {
        out.getBuffer().setLength(0);
        cli.run(new LogCommand(), "list", "--db", db.toString(), "--json");
        return new ObjectMapper().readTree(out.toString()).size();
    }
}
