package org.verdict.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.verdict.core.evidence.CheckResult;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceNumbers;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Outcome;
import org.verdict.core.evidence.Tone;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.ledger.CheckpointFiles;
import org.verdict.core.ledger.SignerIdentity;
import org.verdict.core.pack.ModelRole;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.report.DecisionEvidence.SignatureEvidence;
import org.verdict.core.report.DecisionEvidence.Trust;
import org.verdict.core.report.ReportDocument.Block;
import org.verdict.core.report.ReportDocument.Chart;
import org.verdict.core.report.ReportDocument.Code;
import org.verdict.core.report.ReportDocument.Fact;
import org.verdict.core.report.ReportDocument.Facts;
import org.verdict.core.report.ReportDocument.Paragraph;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;
import org.verdict.core.stats.MetricFormat;

/** Puts the content of an approval pack into the order a review board reads it. */
final class ApprovalPackComposer {
    static final String SUMMARY = "Summary";
    static final String LINEAGE = "Lineage of each version";
    static final String GATES = "Promotion gates";
    static final String TRIGGERS = "Retraining triggers and data validation";
    static final String DECISIONS = "Decision record";
    static final String HASHES = "Evidence hashes";
    static final String VERIFY = "How to verify";
    /** How the pack hash of the header and the summary is formed (docs/pack-format.md, "The pack hash"). */
    static final String PACK_HASH_RULE = "The pack hash in the header and the summary is the SHA-256 of these files'"
            + " listing, one line per file sorted by path, each its SHA-256, two spaces and its path (as sha256sum"
            + " writes them), joined by line feeds: the one id of the whole pack that verdict validate prints as pack"
            + " sha256, the app's status bar shows and a signed decision names.";
    /** Where the reader saves the evidence hashes printed in "How to verify": beside the review pack, never in it. */
    static final String EVIDENCE_SUMS_FILE = "evidence.sha256";

    private final List<Section> sections = new ArrayList<>();
    private int chartCount;
    /** Whether a forest or slice table too long for paper is abridged where it stands, whole in the appendix. */
    private final boolean forPrint;
    /** The whole of each abridged chart and table, each after the section it comes from. */
    private final List<Block> appendix = new ArrayList<>();

    private ApprovalPackComposer(boolean forPrint) {
        this.forPrint = forPrint;
    }

    /**
     * Every chart and table in place, as the HTML shows them.
     *
     * @param signer who signs the export's sums, which "How to verify" names; null when it is not signed
     */
    static ReportDocument compose(ApprovalPackContent content, SignerIdentity signer) {
        return new ApprovalPackComposer(false).document(content, signer);
    }

    /**
     * As {@link #compose}, for the PDF, which is printed: a forest plot or slice table of more than
     * {@link PrintedSlices#MOST_ROWS_PRINTED} rows shows the slices worse or better where it stands, the others
     * counted, and is drawn whole in an appendix after "How to verify".
     */
    static ReportDocument composeForPrint(ApprovalPackContent content, SignerIdentity signer) {
        return new ApprovalPackComposer(true).document(content, signer);
    }

    private ReportDocument document(ApprovalPackContent content, SignerIdentity signer) {
        chapter("summary", SUMMARY, summary(content));
        chapter("lineage", LINEAGE, lineage(content));
        chapter("gates", GATES, List.of(Paragraph.plain(content.gates().isEmpty()
                ? "No gate was evaluated."
                : "Each gate ends pass, fail, insufficient evidence or not applicable; the numbers behind it and its "
                        + "evidence follow.")));
        String gatesChapter = sections.get(sections.size() - 1).number();
        for (int g = 0; g < content.gates().size(); g++) {
            EvidenceSection gate = content.gates().get(g);
            String number = gatesChapter + "." + (g + 1);
            sections.add(new Section("gate-" + (g + 1), number, gate.name(), 2,
                    gate(gate, number + " " + gate.name())));
        }
        chapter("checks", TRIGGERS, checks(content));
        chapter("decisions", DECISIONS, decisions(content));
        chapter("hashes", HASHES, hashes(content));
        chapter("verify", VERIFY, verification(content, signer));
        if (!appendix.isEmpty()) {
            chapter("appendix", PrintedSlices.APPENDIX, appendix);
        }
        String subtitle = content.model().name() + " · production " + production(content) + " vs candidate "
                + content.candidateVersion() + " · pack " + content.packName()
                + (content.evidenceHashes().isEmpty() ? "" : " · pack hash " + packHash(content));
        return new ReportDocument("Approval pack: " + content.model().name(), subtitle, sections);
    }

    private void chapter(String anchor, String title, List<Block> blocks) {
        long chapters = sections.stream().filter(s -> s.level() == 1).count();
        sections.add(new Section(anchor, String.valueOf(chapters + 1), title, 1, blocks));
    }

    /** The one id of the whole pack that validate, the status bar and a decision record name (docs/pack-format.md). */
    private static String packHash(ApprovalPackContent content) {
        return ReviewPack.packHashOf(content.evidenceHashes());
    }

    private static String production(ApprovalPackContent content) {
        return content.versions().stream().filter(v -> v.role() == ModelRole.PRODUCTION)
                .map(ModelVersion::version).findFirst().orElse("?");
    }

    private static List<Block> summary(ApprovalPackContent content) {
        List<Block> blocks = new ArrayList<>();
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("Model", content.model().name()),
                new Fact("Task", content.model().taskText()),
                new Fact("Risk tier", String.valueOf(content.model().riskTier())),
                new Fact("Primary metric", content.primaryMetric()),
                new Fact("Production version", production(content)),
                new Fact("Candidate version", content.candidateVersion()),
                new Fact("Required approvers", content.requiredApprovers().isEmpty()
                        ? "none: automatic when every gate passes"
                        : String.join(", ", content.requiredApprovers())),
                new Fact("Review pack", content.packName())));
        if (!content.evidenceHashes().isEmpty()) {
            // the hash alone, so that the PDF draws it whole; how it is formed opens the chapter of the hashes
            facts.add(new Fact("Pack hash", packHash(content)));
        }
        if (content.evidenceBasis() != null) {
            facts.add(new Fact("Evidence computed from", content.evidenceBasis()));
        }
        if (content.approval() != null) {
            facts.add(new Fact("Approval", content.approval()));
        }
        WorseFindings worse = content.worse();
        if (content.approval() != null && !worse.slicesHeading().isEmpty()) {
            // no gate judges these, so the board reads them beside the approval; "none" is said, not left out, and
            // so is how many slices could be tested at all
            // one finding a line: run together with ";" a dozen slices read as one paragraph of numbers
            facts.add(Fact.listed("Worse slices", worse.slicesHeading(), "▼", worse.slices()));
            facts.add(worse.overall().isEmpty() ? new Fact("Also worse overall", worse.nothingElse())
                    : Fact.listed("Also worse overall", "", "▼", worse.overall()));
            if (!worse.lostClasses().isEmpty()) {
                facts.add(new Fact("Lost classes", worse.lostClasses()));
            }
            if (!worse.heldOut().isEmpty()) {
                facts.add(Fact.listed("Worse on the held-out set", worse.heldOutHeading(), "▼", worse.heldOut()));
            }
        }
        if (!content.missingEvidence().isEmpty()) {
            facts.add(new Fact("Not in this pack", String.join(", ", content.missingEvidence())));
        }
        blocks.add(new Facts(facts));
        policyStamp(content).ifPresent(blocks::add);
        if (content.gates().isEmpty()) {
            blocks.add(new Paragraph("? No gate was evaluated: the pack cannot be approved from this document.",
                    Tone.INSUFFICIENT));
        } else {
            blocks.add(gateTally(content.gates(), content.validationChecks()));
        }
        List<List<Cell>> rows = content.gates().stream()
                .map(g -> List.of(Cell.plain(g.name()), Cell.of(g.outcome()), Cell.plain(GateResult.besideOutcome(g.summary()))))
                .toList();
        blocks.add(new Table(new EvidenceTable("Every gate at a glance", List.of("Gate", "Verdict", "Why"), rows)));
        List<DecisionEvidence> ownDecisions = ownDecisions(content);
        if (!ownDecisions.isEmpty()) {
            List<List<Cell>> decisionRows = ownDecisions.stream()
                    .map(d -> List.of(Cell.plain(d.decisionDate()), Cell.plain(d.model()), Cell.plain(d.kind()),
                            Cell.plain(d.decision() + (d.standing().isEmpty() ? "" : " — " + d.standing())),
                            Cell.plain(d.quorum())))
                    .toList();
            blocks.add(new Table(new EvidenceTable("Decisions recorded",
                    List.of("Date", "Model", "Kind", "Decision", "Signatures"), decisionRows)));
        }
        return blocks;
    }

    /**
     * One line saying whether any gate blocks the promotion, with the count of each outcome over the gates the app's
     * Gates view counts too: the promotion gates, then the data-validation checks (which block a promotion as well),
     * whose own count follows, so "2 pass, 1 fail, 8 not applicable" reads the same in both.
     */
    private static Paragraph gateTally(List<EvidenceSection> gates, List<CheckResult> checks) {
        List<Outcome> promotion = gates.stream().map(EvidenceSection::outcome)
                .filter(o -> o != Outcome.EVIDENCE_ONLY).toList();
        List<Outcome> validation = checks.stream().map(CheckResult::outcome).toList();
        List<Outcome> all = new ArrayList<>(promotion);
        all.addAll(validation);
        String tally = tally(all) + ", of " + all.size() + " gates" + (validation.isEmpty() ? "" : ": the "
                + promotion.size() + " below and " + validation.size() + " data-validation checks (section "
                + TRIGGERS + ": " + tally(validation) + ")") + ".";
        if (all.stream().noneMatch(Outcome::blocksPromotion)) {
            return new Paragraph("✔ No gate blocks the promotion: " + tally, Tone.PASS);
        }
        return new Paragraph("✘ Not every gate passes: " + tally, all.contains(Outcome.FAIL) ? Tone.FAIL
                : Tone.INSUFFICIENT);
    }

    /** "2 pass, 1 fail, 8 not applicable": the count of each outcome, in the order a reviewer weighs them. */
    private static String tally(List<Outcome> outcomes) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        outcomes.forEach(o -> counts.merge(o, 1L, Long::sum));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    private static List<Block> lineage(ApprovalPackContent content) {
        List<Block> blocks = new ArrayList<>();
        // A threshold only means something for a binary model, whose prediction is score >= threshold.
        boolean binary = content.model().task() == Task.BINARY;
        List<List<Cell>> rows = content.versions().stream().map(v -> {
            List<Cell> row = new ArrayList<>(List.of(Cell.plain(v.version()), Cell.plain(v.role().wireName()),
                    Cell.plain(orDash(v.dataSnapshot())), Cell.plain(orDash(v.codeVersion())),
                    Cell.plain(v.trainedAt() == null ? "–" : v.trainedAt().toString())));
            if (binary) {
                row.add(Cell.plain(EvidenceNumbers.plain(v.threshold())));
            }
            return List.copyOf(row);
        }).toList();
        List<String> headers = new ArrayList<>(List.of("Version", "Role", "Data snapshot", "Code version", "Trained at"));
        if (binary) {
            headers.add("Threshold");
        }
        blocks.add(new Table(new EvidenceTable("Model versions", headers, rows)));
        for (ModelVersion version : content.versions()) {
            List<Fact> parameters = new TreeMap<>(version.hyperparameters()).entrySet().stream()
                    .map(e -> new Fact(e.getKey(), describe(e.getValue())))
                    .toList();
            blocks.add(Paragraph.plain("Hyperparameters of version " + version.version() + " ("
                    + version.role().wireName() + ")" + (parameters.isEmpty() ? ": none given." : ":")));
            if (!parameters.isEmpty()) {
                blocks.add(new Facts(parameters));
            }
        }
        return blocks;
    }

    /** Nested hyperparameters printed with sorted keys, so the text does not depend on map order. */
    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map.entrySet().stream().collect(Collectors.toMap(
                    e -> String.valueOf(e.getKey()), e -> describe(e.getValue())))).toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApprovalPackComposer::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double || value instanceof Float) {
            // 0.0005 rather than Java's 5.0E-4: the manifest's author wrote a plain decimal
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private List<Block> gate(EvidenceSection gate, String where) {
        List<Block> blocks = new ArrayList<>();
        String verdict = gate.outcome().markedLabel() + " — " + GateResult.besideOutcome(gate.summary());
        blocks.add(new Paragraph(verdict, gate.outcome().tone()));
        blocks.addAll(chartsAndTables(gate, where));
        if (gate.charts().isEmpty() && gate.tables().isEmpty()) {
            blocks.add(Paragraph.plain("The pack holds no evidence for this gate."));
        }
        return blocks;
    }

    /**
     * The triggers and the data-validation checks with the numbers the app's Evidence pages show: the
     * negative-feedback chart, the drift per feature, each validation finding (kappa with its interval and n). A list
     * of outcomes alone ("✔ pass — annotators agree beyond chance") left the board without them.
     */
    private List<Block> checks(ApprovalPackContent content) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.plain("Retraining triggers (monitoring evidence):"));
        if (content.triggerEvidence() == null) {
            blocks.add(checkTable("Retraining triggers", "Trigger", content.triggers()));
        } else {
            blocks.addAll(chartsAndTables(content.triggerEvidence(), TRIGGERS));
        }
        if (content.suggestedDecision() != null) {
            blocks.add(Paragraph.plain("Suggested decision: " + content.suggestedDecision()
                    + " (a person confirms it in the decision record)."));
        }
        blocks.add(Paragraph.plain("Data-validation checks:"));
        blocks.add(checkTable("Data validation", "Check", content.validationChecks()));
        if (content.validationEvidence() != null && !content.validationChecks().isEmpty()) {
            blocks.addAll(chartsAndTables(content.validationEvidence(), TRIGGERS));
        }
        return blocks;
    }

    /** @param where the section's number and title, which the appendix names above what it holds of it */
    private List<Block> chartsAndTables(EvidenceSection section, String where) {
        List<Block> blocks = new ArrayList<>();
        for (EvidenceChart chart : section.charts()) {
            chartCount++;
            Chart whole = new Chart("chart-" + chartCount, chart);
            placed(blocks, whole, forPrint ? PrintedSlices.of(whole) : Optional.empty(), where);
        }
        for (EvidenceTable table : section.tables()) {
            placed(blocks, new Table(table), forPrint ? PrintedSlices.of(table) : Optional.empty(), where);
        }
        return blocks;
    }

    /** {@code whole} where it stands, or its abridgement there and {@code whole} in the appendix. */
    private void placed(List<Block> blocks, Block whole, Optional<PrintedSlices.Abridged> abridged,
                        String where) {
        if (abridged.isEmpty()) {
            blocks.add(whole);
            return;
        }
        blocks.add(abridged.get().shown());
        blocks.add(Paragraph.plain(abridged.get().note()));
        appendix.add(new Paragraph("From " + where + ":", Tone.PLAIN));
        appendix.add(whole);
    }

    private static Block checkTable(String caption, String what, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return Paragraph.plain("None evaluated: the pack holds no evidence for them.");
        }
        return new Table(CheckResult.table(caption, what, checks));
    }

    /** The decisions made on this pack's own evidence (and their amendments), not those made on other evidence. */
    private static List<DecisionEvidence> ownDecisions(ApprovalPackContent content) {
        return content.decisions().stream().filter(d -> d.otherEvidence() == null).toList();
    }

    private static List<Block> decisions(ApprovalPackContent content) {
        List<Block> blocks = new ArrayList<>();
        // without a log there is nothing to look a decision up in: one sentence says so, none claims a log was read
        if (content.checkpoint() == null) {
            blocks.add(Paragraph.plain("No decision log was given, so no recorded decision or log checkpoint is "
                    + "shown. " + DecisionLogEvidence.howToInclude("PACK", "DIR")));
            return blocks;
        }
        LogCheckpoint checkpoint = content.checkpoint();
        policyStamp(content).ifPresent(blocks::add);
        // a name and role are what a key registered in the log: only a list kept outside it says who may sign
        blocks.add(Paragraph.plain(checkpoint.trustedSigners() == null
                ? "The signers were not checked against a trusted list of signers: each name and role below is what"
                        + " the key registered in the decision log, which anyone who can write to the log can do. Give"
                        + " report --trusted-signers FILE (in the app: Audit, Trusted signers…) to check them."
                : "Every signer was checked against the trusted signers list " + checkpoint.trustedSigners()
                        + ": a signature by a key the list does not name, or names with another role, counts"
                        + " towards no quorum."));
        List<DecisionEvidence> ownDecisions = ownDecisions(content);
        List<DecisionEvidence> otherEvidence = content.decisions().stream().filter(d -> d.otherEvidence() != null)
                .toList();
        if (ownDecisions.isEmpty()) {
            blocks.add(Paragraph.plain("No decision is recorded for this pack in the decision log given."));
        }
        if (!otherEvidence.isEmpty()) {
            // an edited copy of a pack has other hashes: the board's decisions on the original must not go unmentioned
            blocks.add(Paragraph.plain("The log holds " + MetricFormat.count(otherEvidence.size(), "decision",
                    "decisions") + " about " + content.model().name() + " candidate " + content.candidateVersion()
                    + " made on other evidence (files whose hashes are not this pack's), so "
                    + (otherEvidence.size() == 1 ? "it is not" : "none of them is") + " this pack's decision: "
                    + otherEvidence.stream().map(d -> d.id() + " of " + d.decisionDate() + ", " + d.decision() + " ("
                            + d.otherEvidence() + (d.standing().isEmpty() ? "" : "; " + d.standing()) + ")")
                            .collect(Collectors.joining("; ")) + "."));
        }
        for (DecisionEvidence decision : ownDecisions) {
            List<Fact> facts = new ArrayList<>(List.of(
                    new Fact("Record", decision.id()),
                    new Fact("Model", decision.model()),
                    new Fact("Kind", decision.kind()),
                    new Fact("Date", decision.decisionDate()),
                    new Fact("Decision", decision.decision())));
            if (!decision.standing().isEmpty()) {
                facts.add(new Fact("Standing", decision.standing()));
            }
            facts.addAll(List.of(
                    new Fact("Rationale", decision.rationale()),
                    new Fact("Signatures", decision.quorum()),
                    new Fact("Signed payload SHA-256", decision.payloadSha256())));
            blocks.add(new Facts(facts));
            List<List<Cell>> rows = new ArrayList<>();
            for (SignatureEvidence signature : decision.signatures()) {
                rows.add(List.of(Cell.plain(signature.signer()), Cell.plain(signature.role()),
                        Cell.plain(signature.keyFingerprint()), signatureCell(signature.status()),
                        trustCell(signature.trust())));
            }
            blocks.add(new Table(new EvidenceTable("Signers of record " + decision.id(),
                    List.of("Signer", "Role", "Key fingerprint (SHA-256)", "Signature", "Trusted signer"), rows)));
        }
        blocks.add(Paragraph.plain("Log checkpoint at the time of this export:"));
        blocks.add(new Facts(List.of(
                new Fact("Records in the log", MetricFormat.count(checkpoint.treeSize())),
                new Fact("Merkle root (RFC 9162)", checkpoint.rootHash()),
                new Fact("Checkpoint signature", checkpoint.signatureStatus()))));
        // the note is printed apart, as its own short lines: inside the JSON it is one string longer than a line
        blocks.add(Paragraph.plain("The checkpoint to keep, as JSON: log verify --checkpoint reads these fields, so"
                + " this text saved in a file is the checkpoint" + (checkpoint.signed() == null ? "" : " (" + CheckpointFiles.JSON
                + ", written next to this pack, holds them and the note below as one more field, \"note\")") + ":"));
        blocks.add(Code.text(checkpoint.text().lines().toList()));
        blocks.add(Paragraph.plain("The note the checkpoint signs (" + CheckpointFiles.NOTE + ", line by line; rebuilt"
                + " from the fields above):"));
        blocks.add(Code.text(checkpoint.note().lines().toList()));
        return blocks;
    }

    /**
     * The log's standing when it breaks the signing policy, on the summary and the decision record alike: a board
     * member who reads only the first page still sees that some signatures count towards no quorum.
     */
    private static java.util.Optional<Block> policyStamp(ApprovalPackContent content) {
        LogCheckpoint checkpoint = content.checkpoint();
        return checkpoint == null || checkpoint.policyNotMet() == null ? Optional.empty()
                : java.util.Optional.of(new Paragraph("⚠ Decision log: " + checkpoint.policyNotMet() + ". A signature"
                        + " the policy does not accept counts towards no quorum (the Signatures lines below say which);"
                        + " verdict log verify --db LOG lists every problem.", Tone.INSUFFICIENT));
    }

    private static Cell trustCell(Trust trust) {
        if (trust == null) {
            return new Cell("? not checked against a trusted list", Tone.INSUFFICIENT);
        }
        return trust.trusted() ? new Cell("✔ " + trust.text(), Tone.PASS) : new Cell("✘ " + trust.text(), Tone.FAIL);
    }

    private static Cell signatureCell(String status) {
        return switch (status) {
            case "valid" -> new Cell("✔ valid", Tone.PASS);
            case "missing" -> new Cell("? missing", Tone.INSUFFICIENT);
            default -> new Cell("✘ " + status, Tone.FAIL);
        };
    }

    private static List<Block> hashes(ApprovalPackContent content) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.plain("SHA-256 of every file of the review pack, by path inside the pack"
                + (content.policy() == null ? "." : ", and of the policy the gates were evaluated under.")));
        if (!content.evidenceHashes().isEmpty()) {
            blocks.add(Paragraph.plain(PACK_HASH_RULE));
        }
        List<List<Cell>> rows = new ArrayList<>();
        content.evidenceHashes().forEach((path, hash) -> rows.add(List.of(Cell.plain(path), Cell.plain(hash))));
        blocks.add(new Table(new EvidenceTable("Evidence files", List.of("File", "SHA-256"), rows)));
        if (content.policy() != null) {
            blocks.add(new Facts(List.of(new Fact("Policy " + content.policy().name(), content.policy().sha256()))));
        } else {
            blocks.add(Paragraph.plain("The gates were evaluated under the documented default policy."));
        }
        return blocks;
    }

    private static List<Block> verification(ApprovalPackContent content, SignerIdentity signer) {
        List<Block> blocks = new ArrayList<>();
        LogCheckpoint checkpoint = content.checkpoint();
        blocks.add(Paragraph.plain(checkpoint == null ? "Nothing here needs Verdict: sha256sum and openssl check it."
                : "sha256sum and openssl check the evidence, the policy and every signature; Verdict is needed only "
                        + "to export the decision log and to check that it still extends its checkpoint."));
        // steps are numbered as they are printed: the policy step exists only when the pack has a policy file
        int step = 1;
        // the document cannot hold its own hash: the sums next to it do, signed when the export was (report --key)
        blocks.add(Paragraph.plain(step++ + ". This document: in the folder it was exported to, "
                + ApprovalPackWriter.SUMS_FILE + " lists the SHA-256 of " + ApprovalPackWriter.HTML_FILE + ", " + ApprovalPackWriter.PDF_FILE
                + " and every other file written with them. The first command prints \"Signature Verified"
                + " Successfully\" and the second the signer's key id, which must be in your organisation's list of"
                + " trusted signers; every line of the third must end in OK. Without "
                + ApprovalPackWriter.SUMS_SIGNATURE_FILE + " the export was not signed, and only a copy of "
                + ApprovalPackWriter.SUMS_FILE + " kept elsewhere shows an edit; " + ApprovalPackWriter.VERIFY_FILE
                + " says which."));
        // covered by the signature it names: the sums it signs hold this document's hash
        blocks.add(Paragraph.plain(signer == null ? "This export is not signed."
                : "This export is signed by " + signer.name() + " (" + signer.role() + "), key id " + signer.keyId()
                        + "."));
        blocks.add(Code.commands(List.of(
                "openssl pkeyutl -verify -pubin -inkey " + ApprovalPackWriter.SUMS_KEY_FILE + " -rawin -in "
                        + ApprovalPackWriter.SUMS_FILE + " -sigfile " + ApprovalPackWriter.SUMS_SIGNATURE_FILE,
                "openssl pkey -pubin -in " + ApprovalPackWriter.SUMS_KEY_FILE + " -outform DER | sha256sum",
                "sha256sum -c " + ApprovalPackWriter.SUMS_FILE)));
        // not inside the pack: a file added there changes the pack hash the decision records
        blocks.add(Paragraph.plain(step++ + ". Evidence files: save these lines as " + EVIDENCE_SUMS_FILE + " beside "
                + "the review pack's folder, not in it (a file added to the folder changes the pack hash the "
                + "decision records), and run the command below in the review pack's folder; every line must end in "
                + "OK."));
        List<String> sums = new ArrayList<>();
        // the tagged form sha256sum -c reads as well as its own: single spaces, which text copied out of a PDF keeps
        content.evidenceHashes().forEach((path, hash) -> sums.add("SHA256 (" + path + ") = " + hash));
        blocks.add(Code.text(sums));
        blocks.add(Code.commands(List.of("sha256sum -c ../" + EVIDENCE_SUMS_FILE, "# or, one file at a time:",
                "openssl dgst -sha256 " + content.evidenceHashes().keySet().stream().findFirst().orElse("FILE"))));
        if (content.policy() != null) {
            blocks.add(Paragraph.plain(step++ + ". Policy: the output must equal the policy hash in section "
                    + HASHES + "."));
            blocks.add(Code.commands(List.of("sha256sum " + content.policy().name())));
        }
        if (checkpoint == null) {
            // without a decision log nothing was signed and no checkpoint file was written: name no such file
            blocks.add(Paragraph.plain(step + ". Decisions: none is part of this pack, because no decision log was "
                    + "given; an approval pack made with the decision log (report --db) adds how to check its "
                    + "signatures and its checkpoint."));
            return blocks;
        }
        blocks.add(Paragraph.plain(step++ + ". Decision signatures (Ed25519 over the DSSE pre-authentication "
                + "encoding): export the log, then, in each record's folder (its sequence number and the first 12 "
                + "hex digits of its id), check the payload hash (it must equal the record's signed payload SHA-256 in "
                + "section " + DECISIONS + ") and every signer's signature; the export's VERIFY.md lists the exact file "
                + "names."));
        blocks.add(Code.commands(List.of("java -jar verdict.jar log export --db DECISIONS.db --out export",
                "cd export/records/NNNN-RECORDID12",
                "sha256sum record.json",
                "openssl pkeyutl -verify -pubin -inkey KEYID12.pem -rawin -in record.pae -sigfile KEYID12.sig")));
        String keep = " where those who can write the decision log cannot change it; later it proves that the log "
                + "still holds every record, signature and signer it had then, unchanged.";
        if (checkpoint.signed() == null) {
            blocks.add(Paragraph.plain(step + ". Log checkpoint: copy the checkpoint printed in section " + DECISIONS
                    + " into " + CheckpointFiles.JSON + " and keep it" + keep));
        } else {
            blocks.add(Paragraph.plain(step + ". Log checkpoint: keep " + CheckpointFiles.JSON + " (written next to "
                    + "this pack, and printed in section " + DECISIONS + ")" + keep + " "
                    + ApprovalPackWriter.VERIFY_FILE + " next to this pack checks its signature with openssl."));
        }
        blocks.add(Code.commands(List.of("java -jar verdict.jar log verify --db DECISIONS.db --checkpoint "
                + CheckpointFiles.JSON + " --trusted-signers trusted-signers.json")));
        return blocks;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }
}
