package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.Evidence;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.SignerIdentity;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.core.report.ApprovalPackWriter;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path folder;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new ReportCommand());
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    private Path routerPack() {
        return PackFixture.write(folder.resolve("router-pack"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV);
    }

    /** Runs {@code report} on the pack into a fresh folder and returns the HTML written. */
    private String reportHtml(Path pack, String... moreArgs) throws IOException {
        Path out = folder.resolve("out");
        List<String> args = new ArrayList<>(List.of(pack.toString(), "--out", out.toString()));
        args.addAll(List.of(moreArgs));
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        return Files.readString(out.resolve("approval-pack.html"), StandardCharsets.UTF_8);
    }

    /**
     * A first-time user who signed a decision in the app and ran report without --db got a page saying only that no
     * log was given: the command's output and that page say how to include one, and where the app keeps its own.
     */
    @Test
    void withoutADecisionLogTheOutputAndThePageSayHowToIncludeOne() throws Exception {
        Path pack = routerPack();

        String html = reportHtml(pack);

        Path out = folder.resolve("out");
        assertTrue(err.toString().startsWith("note: no decision log was given, so the approval pack shows no recorded"
                + " decision. To include the board's decision, give the decision log it was signed into: verdict"
                + " report " + pack + " --out " + out + " --db FILE. The app signs into decisions.db in its user data"
                + " folder (~/.verdict/"), err.toString());
        assertTrue(html.contains("No decision log was given, so no recorded decision or log checkpoint is shown. To"
                + " include the board's decision"), html);
        assertTrue(html.contains("verdict report PACK --out DIR --db FILE"), html);
        assertTrue(html.contains("decisions.db in its user data folder (~/.verdict/"), html);
    }

    /** A folder that cannot be made is named as it was asked for, not as the temporary folder written first. */
    @Test
    void anOutFolderThatCannotBeMadeIsNamedAsGiven() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "a folder that takes no new folders");

        assertEquals(2, run(routerPack().toString(), "--out", "/proc/nope"));

        assertEquals("error: cannot write the approval pack: /proc/nope: cannot be created in /proc, which takes no new"
                + " folders", err.toString().strip());
    }

    @Test
    void writesHtmlWhoseHashesAreTheFilesSha256() throws Exception {
        Path pack = routerPack();

        String html = reportHtml(pack);

        for (String file : List.of("manifest.json", "primary.csv")) {
            String sha256 = sha256(pack.resolve(file));
            assertTrue(html.contains("<td>" + file + "</td><td>" + sha256 + "</td>"), "hash row of " + file);
            assertTrue(html.contains("SHA256 (" + file + ") = " + sha256 + "\n"), "sha256sum -c line of " + file);
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("http"));
        assertTrue(html.contains("<dt>Candidate version</dt><dd>43</dd>"));
        // the 4-row fixture: every slice is below the default minimum of 30 examples
        assertTrue(Pattern.compile("<td>overall</td><td>4</td><td>\\w+: \\d+</td>").matcher(html).find(),
                "overall row of the primary comparison, with the smallest class macro_f1 rests on beside n");
        assertTrue(html.contains("macro_f1 by language: candidate − production"), "forest plot per dimension");
        assertTrue(html.contains("macro_f1 by gender: candidate − production"), "sensitive columns are sliced too");
        // macro_f1's intervals are the cell bootstrap's, withheld on 4 rows: the verdict says so in words, what its
        // slices share in a note under the table
        assertTrue(html.contains("<td class=\"no-difference\">too few examples: 4 rows, under 30 [a]</td>"),
                "the reason beside the verdict");
        assertTrue(html.contains("<p class=\"table-note\">[a] Rows under the minimum of 30 are too few for the cell "
                + "bootstrap's BCa interval of either model or a test of Δ.</p>"), "the reason's shared clause");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("out/approval-pack.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(sha256(pack.resolve("primary.csv"))));
        }
    }

    @Test
    void everyPromotionGateHasItsSectionAndEveryValidationCheckItsRow() throws IOException {
        String html = reportHtml(routerPack());

        for (Gate gate : Gate.values()) {
            String title = gate.title();
            if (gate.kind() == Gate.Kind.PROMOTION) {
                assertTrue(Pattern.compile("<h3>3\\.\\d+ " + Pattern.quote(title) + "</h3>").matcher(html).find(),
                        "section of gate " + gate.title());
            } else {
                assertTrue(html.contains("<td>" + title + "</td>"), "data-validation row " + gate.title());
            }
        }
    }

    @Test
    void aGateThePolicyDeclaresNotApplicableReadsSoOnceAndInItsJudgedTable() throws IOException {
        Path pack = new RealStylePack(folder.resolve("declared"), RealStylePack.Kind.BINARY)
                .policy(RealStylePack.NOT_APPLICABLE_POLICY).write();

        String html = reportHtml(pack);

        assertTrue(html.contains("<p>– not applicable — batch scoring, no SLO</p>"), "the verdict of section Latency");
        assertFalse(html.contains("not applicable — not applicable"));
        assertTrue(html.contains("<td>Latency</td><td>– not applicable</td><td>batch scoring, no SLO"
                + "</td>"), "the judged table says what the heading says");
        assertFalse(html.contains("the pack has no latency suite</td>"), html);
        // a trigger without monitoring evidence reads as the gate command prints it
        assertTrue(html.contains("<td>Input and prediction drift</td><td class=\"insufficient\">? no evidence</td>"),
                "drift trigger row");
    }

    @Test
    void decisionLogRecordsOfThisPackAreIncludedWithSignatureStatusAndCheckpoint() throws Exception {
        Path pack = routerPack();
        Map<String, String> files = packFileHashes(pack);
        Path db = folder.resolve("decisions.db");
        SignerKey lead = LedgerFixtures.signer("Ada Lovelace", "ml-lead");
        LoggedRecord appended;
        LoggedRecord otherModel;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.register(lead);
            DecisionRecord fixture = LedgerFixtures.promotion(2, "hold until German improves");
            appended = log.append(new DecisionRecord(fixture.kind(), "router", fixture.decisionDate(), "hold",
                    fixture.rationale(), "s2", null, null, "43", "42", 2,
                    fixture.evaluationSummary(), fixture.approvers(), null, null, null,
                    new Evidence(null, files, null)), lead);
            // this pack's hashes under another model's name, as a record appended without --pack could hold them
            otherModel = log.append(new DecisionRecord(fixture.kind(), "support-router", fixture.decisionDate(),
                    "hold", fixture.rationale(), "s2", null, null, "43", "42", 2, fixture.evaluationSummary(),
                    fixture.approvers(), null, null, null, new Evidence(null, files, null)), lead);
        }

        String html = reportHtml(pack, "--db", db.toString());

        assertTrue(html.contains("<dd>" + appended.recordId() + "</dd>"), "the record's payload hash");
        assertTrue(html.contains("<dt>Model</dt><dd>router</dd>"), "the record names its model");
        assertFalse(html.contains(otherModel.recordId()), "a record about another model is no decision on this one");
        assertTrue(html.contains("<td>Ada Lovelace</td><td>ml-lead</td><td>" + lead.identity().keyId()
                + "</td><td class=\"pass\">✔ valid</td>"));
        assertTrue(html.contains("<dt>Records in the log</dt><dd>2</dd>"));
        assertTrue(html.contains("&quot;treeSize&quot; : 2"), "the checkpoint JSON to save for log consistency");
        Path out = folder.resolve("out");
        Checkpoint written = Checkpoint.readJson(out.resolve("checkpoint.json"));
        assertEquals(2, written.treeSize());
        assertTrue(lead.identity().verifies(Files.readAllBytes(out.resolve("checkpoint.note")),
                Files.readAllBytes(out.resolve("checkpoint.sig"))), "the note and signature files verify as written");
        String guide = Files.readString(out.resolve("VERIFY.md"));
        assertTrue(guide.contains("Keep a copy where the people who can write") && guide.contains(
                "openssl pkeyutl -verify -pubin -inkey checkpoint-signer.pem -rawin -in checkpoint.note -sigfile checkpoint.sig")
                && guide.contains("--checkpoint checkpoint.json"), guide);
        assertTrue(html.contains("keep checkpoint.json (written next to this pack"), "how to verify names the file");
    }

    /**
     * A name and role in the log are what a key registered: anyone who can write the log can register "Mallory,
     * ml-lead" and sign. The pack checks each signer against the organisation's list when given one, and says plainly
     * when it was not.
     */
    @Test
    void eachSignatureSaysWhetherTheTrustedSignersListAcceptsItsKeyOrThatNoneWasChecked() throws Exception {
        Path pack = routerPack();
        Map<String, String> files = packFileHashes(pack);
        Path db = folder.resolve("decisions.db");
        SignerKey lead = LedgerFixtures.signer("Ada Lovelace", "ml-lead");
        SignerKey mallory = LedgerFixtures.signer("Mallory", "ml-lead");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.register(lead);
            log.register(mallory);
            DecisionRecord fixture = LedgerFixtures.promotion(2, "promote, signed by a self-registered key");
            log.append(new DecisionRecord(fixture.kind(), "router", fixture.decisionDate(), "promote",
                    fixture.rationale(), "s2", null, null, "43", "42", 1, fixture.evaluationSummary(),
                    fixture.approvers(), null, null, null, new Evidence(null, files, null)), mallory);
        }
        Path roster = folder.resolve("ts.json");
        Files.writeString(roster, "{\"format\": \"verdict-trusted-signers/1\", \"signers\": [{\"name\": \"Ada"
                + " Lovelace\", \"role\": \"ml-lead\", \"keyId\": \"" + lead.identity().keyId() + "\"}]}");

        String unchecked = reportHtml(pack, "--db", db.toString());
        assertTrue(unchecked.contains("The signers were not checked against a trusted list of signers"), unchecked);
        assertTrue(unchecked.contains("<td>Mallory</td><td>ml-lead</td><td>" + mallory.identity().keyId()
                + "</td><td class=\"pass\">✔ valid</td><td class=\"insufficient\">? not checked against a trusted"
                + " list</td>"), "valid, but nothing vouches for the name and role");

        String checked = reportHtml(pack, "--db", db.toString(), "--trusted-signers", roster.toString(), "--replace");
        assertFalse(checked.contains("were not checked against a trusted list"));
        assertTrue(checked.contains("Every signer was checked against the trusted signers list ts.json"), checked);
        assertTrue(checked.contains("<td class=\"pass\">✔ valid</td><td class=\"fail\">✘ signed by Mallory"
                + " (ml-lead"), "the signature verifies, but the list does not accept its key");
        assertTrue(checked.contains("a key that is not in the trusted signers list ts.json</td>"), checked);
        assertFalse(checked.contains("<dt>Signatures</dt><dd>signed</dd>"), "an untrusted key counts towards no quorum");
    }

    @Test
    void withoutADecisionLogHowToVerifyNamesNoFileTheReportDidNotWrite() throws IOException {
        String html = reportHtml(routerPack());

        try (var written = Files.list(folder.resolve("out"))) {
            assertEquals(List.of("SHA256SUMS", "VERIFY.md", "approval-pack.html", "approval-pack.pdf"),
                    written.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String verify = html.substring(html.indexOf("How to verify</h2>"));
        assertFalse(verify.contains("checkpoint.json"), verify);
        assertTrue(verify.contains("no decision log was given"), verify);
        assertFalse(Files.readString(folder.resolve("out/VERIFY.md")).contains("checkpoint"));
    }

    @Test
    void sameInputGivesByteIdenticalHtml() throws IOException {
        Path pack = routerPack();
        assertEquals(0, run(pack.toString(), "--out", folder.resolve("first").toString()));
        assertEquals(0, run(pack.toString(), "--out", folder.resolve("second").toString()));
        assertEquals(-1L, Files.mismatch(folder.resolve("first/approval-pack.html"),
                folder.resolve("second/approval-pack.html")));
    }

    @Test
    void brokenPackNamesTheFileAndWritesNothing() throws IOException {
        Path pack = PackFixture.write(folder.resolve("broken"), PackFixture.MULTICLASS_MANIFEST,
                "example_id,label,language,gender,pred_42\ne1,billing,en,f,billing\n");
        Path out = folder.resolve("out");

        assertEquals(2, run(pack.toString(), "--out", out.toString()));

        assertTrue(err.toString().contains("primary.csv"), err.toString());
        assertFalse(Files.exists(out.resolve("approval-pack.html")));
    }

    @Test
    void anEarlierApprovalPackInTheFolderIsReplacedOnlyWithReplace() throws IOException {
        Path pack = routerPack();
        Path out = Files.createDirectories(folder.resolve("out"));
        byte[] earlierHtml = "another model's approval pack".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("approval-pack.html"), earlierHtml);
        Files.write(out.resolve("approval-pack.pdf"), earlierHtml);

        assertEquals(2, run(pack.toString(), "--out", out.toString()));

        assertEquals("error: " + out + " already holds an approval pack (approval-pack.html, approval-pack.pdf); give --replace"
                + " to replace it, or another folder", err.toString().strip());
        assertArrayEquals(earlierHtml, Files.readAllBytes(out.resolve("approval-pack.html")));
        assertArrayEquals(earlierHtml, Files.readAllBytes(out.resolve("approval-pack.pdf")));
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "nothing else written");
        }

        assertEquals(0, run(pack.toString(), "--out", out.toString(), "--replace"));

        assertTrue(Files.readString(out.resolve("approval-pack.html"), StandardCharsets.UTF_8)
                .contains("<dt>Candidate version</dt><dd>43</dd>"));
    }

    @Test
    void otherFilesInTheFolderDoNotStopTheReport() throws IOException {
        Path pack = routerPack();
        Path out = Files.createDirectories(folder.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "board notes");

        assertEquals(0, run(pack.toString(), "--out", out.toString()), err.toString());

        assertEquals("board notes", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.exists(out.resolve("approval-pack.pdf")));
    }

    /** As `log checkpoint` refuses it: the pack's checkpoint, kept as proof, would vouch for a changed history. */
    @Test
    void aDecisionLogChangedAfterSigningExitsOneAndWritesNoPackAndNoCheckpoint() throws Exception {
        Path db = TamperedStore.withRecords(folder.resolve("decisions.db"),
                LedgerFixtures.signer("Ada Lovelace", "ml-lead"), LedgerFixtures.promotion(2, "beats production"));
        TamperedStore.changeRecord(db, 1, "beats", "Beats");
        Path out = folder.resolve("out");

        assertEquals(1, run(routerPack().toString(), "--out", out.toString(), "--db", db.toString()));

        assertTrue(err.toString().startsWith("error: the decision log " + db + " does not verify, so no approval pack"
                + " was written and no checkpoint is given out"), err.toString());
        assertTrue(err.toString().contains("TAMPERED: first bad record is #1"), err.toString());
        assertFalse(Files.exists(out), "nothing written: no HTML, PDF, VERIFY.md or checkpoint files");
    }

    /**
     * A log whose append-only guard was dropped (and, here, its newest record deleted with it) is SUSPECT: records may
     * have been removed from its end unseen, so no pack vouches for it and no checkpoint of it is handed out.
     */
    @Test
    void aSuspectDecisionLogExitsOneAndWritesNothing() throws Exception {
        Path db = logWithOneRecord();
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(2, "second thoughts"), LedgerFixtures.signer("Ada Lovelace", "ml-lead"));
        }
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = sql.createStatement()) {
            for (String table : List.of("records", "signatures", "checkpoints")) {
                s.execute("DROP TRIGGER " + table + "_no_delete");
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 2");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
            s.executeUpdate("DELETE FROM records WHERE seq = 2");
        }
        Path out = folder.resolve("out");

        assertEquals(1, run(routerPack().toString(), "--out", out.toString(), "--db", db.toString()));

        assertTrue(err.toString().startsWith("error: the append-only guard of the decision log " + db + " was changed by something"
                + " other than Verdict (3 guard triggers dropped), so no approval pack was written and no"
                + " checkpoint is given out"), err.toString());
        assertTrue(err.toString().contains("\nSUSPECT: 3 guard triggers dropped — cannot tell"), err.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** A guard trigger altered, not dropped, is named so in the refusal's heading, as `log verify` names it. */
    @Test
    void aDecisionLogWithAnAlteredGuardTriggerIsRefusedNamingIt() throws Exception {
        Path db = logWithOneRecord();
        TamperedStore.makeDeleteGuardInert(db, "records");
        Path out = folder.resolve("out");

        assertEquals(1, run(routerPack().toString(), "--out", out.toString(), "--db", db.toString()));

        assertTrue(err.toString().startsWith("error: the append-only guard of the decision log " + db + " was changed"
                + " by something other than Verdict (1 guard trigger altered), so no approval pack was written"),
                err.toString());
        assertTrue(err.toString().contains("\nSUSPECT: 1 guard trigger altered — cannot tell"), err.toString());
        assertTrue(err.toString().contains("1 trigger altered, so that it may no longer refuse a change"),
                err.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * A decision restated on the same evidence (the format-2 store kept as a fixture: #2 promote, #3 hold amending it,
     * #4 hold again) replaces nothing: the pack says #3 stands, restated by #4, and #2 was replaced by #3.
     */
    @Test
    void aRestatedDecisionIsShownRestatedNotReplaced() throws Exception {
        Path db = TamperedStore.copyOfResource("/ledger/format-2-store/decisions.db", folder.resolve("decisions.db"));
        String html = reportHtml(Path.of("sample-data/support-router"), "--db", db.toString());
        assertTrue(html.contains("replaced by #3, which stands (hold production 42; do not promote candidate 43),"
                + " restated by #4"), "record #2");
        assertTrue(html.contains("stands: restated by #4 (3 decisions on this question and evidence)"), "record #3");
        assertTrue(html.contains("stands: restates #3, which first decided it (3 decisions on this question and"
                + " evidence)"), "record #4");
    }

    /** A log file cut short is DAMAGED, as `log verify` says with exit 1: a failed check, not bad input. */
    @Test
    void aDamagedDecisionLogExitsOneAndWritesNothing() throws Exception {
        Path db = logWithOneRecord();
        byte[] whole = Files.readAllBytes(db);
        Files.write(db, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path out = folder.resolve("out");

        assertEquals(1, run(routerPack().toString(), "--out", out.toString(), "--db", db.toString()));

        assertTrue(err.toString().startsWith("error: " + db + " is a damaged SQLite database"), err.toString());
        assertTrue(err.toString().contains("no approval pack was written"), err.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * A log that shows no change but breaks the signing policy (a co-signer nobody endorsed) gives its pack, with that
     * standing stamped on the summary and the decision record of the HTML and the PDF alike.
     */
    @Test
    void aDecisionLogThatBreaksTheSigningPolicyIsReportedStampedSo() throws Exception {
        Path pack = routerPack();
        Path db = folder.resolve("decisions.db");
        SignerKey lead = LedgerFixtures.signer("Ada Lovelace", "ml-lead");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            DecisionRecord fixture = LedgerFixtures.promotion(2, "hold until German improves");
            log.append(new DecisionRecord(fixture.kind(), "router", fixture.decisionDate(), "hold",
                    fixture.rationale(), "s2", null, null, "43", "42", 2, fixture.evaluationSummary(),
                    fixture.approvers(), null, null, null, new Evidence(null, packFileHashes(pack), null)), lead);
            log.cosign("1", LedgerFixtures.signer("Joan Clarke", "product"));
        }

        String html = reportHtml(pack, "--db", db.toString());

        String stamp = "⚠ Decision log: POLICY NOT MET: the records, signatures, hash chain, Merkle tree and checkpoints"
                + " show no change, but ";
        assertEquals(2, html.split(Pattern.quote(stamp), -1).length - 1, "on the summary and the decision record");
        assertTrue(html.contains("registers Joan Clarke (product, "), "the first problem is named");
        String pdf;
        try (PDDocument document = Loader.loadPDF(folder.resolve("out/approval-pack.pdf").toFile())) {
            pdf = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(pdf.contains("⚠ Decision log: POLICY NOT MET:"), pdf);
        assertTrue(Files.exists(folder.resolve("out/checkpoint.json")), "the log shows no change: its checkpoint is kept");
    }

    /**
     * The auditor's check of the folder with stock tools, done as sha256sum -c and openssl pkeyutl do it: an edit of the
     * HTML (a blocked pack made to read approved) fails its line, and sums written anew fail the signature.
     */
    @Test
    void aSignedExportCatchesAnEditOfTheHtmlOrPdfAndNewSums() throws Exception {
        Path passphrase = BoardKeys.create(folder);
        Path key = folder.resolve("keys/ada-lovelace.key.json");
        SignerIdentity ada = KeyFile.readSigner(key).identity();
        Path db = logWithOneRecord();
        Path out = folder.resolve("out");

        assertEquals(0, run(routerPack().toString(), "--out", out.toString(), "--db", db.toString(), "--key",
                key.toString(), "--passphrase-file", passphrase.toString()), err.toString());

        byte[] sums = Files.readAllBytes(out.resolve("SHA256SUMS"));
        assertEquals(List.of("VERIFY.md", "approval-pack.html", "approval-pack.pdf", "checkpoint-signer.pem",
                "checkpoint.json", "checkpoint.note", "checkpoint.sig"), namesIn(sums), "every file but the sums'");
        assertEquals(List.of(), failingLines(out, sums));
        try (Stream<Path> inFolder = Files.list(out)) {
            assertEquals(inFolder.sorted().toList(), ApprovalPackWriter.filesReplacedIn(out).stream().sorted().toList(),
                    "exporting here again asks about every file this export wrote");
        }
        assertTrue(ada.verifies(sums, Files.readAllBytes(out.resolve("SHA256SUMS.sig"))));
        assertEquals(ada.keyId(), KeyFile.readSigner(key).identity().keyId());
        assertEquals(ada.publicKeyPem(), Files.readString(out.resolve("SHA256SUMS-signer.pem")));
        String guide = Files.readString(out.resolve("VERIFY.md"));
        assertTrue(guide.contains("openssl pkeyutl -verify -pubin -inkey SHA256SUMS-signer.pem -rawin -in SHA256SUMS"
                + " -sigfile SHA256SUMS.sig\n") && guide.contains("sha256sum -c SHA256SUMS\n")
                && guide.contains("key id `" + ada.keyId() + "`"), guide);

        Path html = out.resolve("approval-pack.html");
        Files.writeString(html, Files.readString(html).replace("Blocked", "Approved"));
        assertEquals(List.of("approval-pack.html"), failingLines(out, sums), "the edited document is caught");
        byte[] newSums = new String(sums, StandardCharsets.UTF_8).replace(sha256Line(sums, "approval-pack.html"),
                sha256(html)).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), failingLines(out, newSums));
        assertFalse(ada.verifies(newSums, Files.readAllBytes(out.resolve("SHA256SUMS.sig"))),
                "sums written after the edit are not the signed ones");
    }

    @Test
    void anUnsignedExportListsItsFilesAndSaysThatOnlyAKeptCopyCatchesAnEdit() throws Exception {
        Path out = folder.resolve("out");

        assertEquals(0, run(routerPack().toString(), "--out", out.toString()), err.toString());

        byte[] sums = Files.readAllBytes(out.resolve("SHA256SUMS"));
        assertEquals(List.of("VERIFY.md", "approval-pack.html", "approval-pack.pdf"), namesIn(sums));
        assertEquals(List.of(), failingLines(out, sums));
        assertFalse(Files.exists(out.resolve("SHA256SUMS.sig")));
        assertTrue(Files.readString(out.resolve("VERIFY.md")).contains("**This export is not signed**"));
    }

    /**
     * What a reader copies out of the PDF: every evidence line a valid sha256sum -c line of its file, and every command
     * whole, a long one broken only at a space after a shell's line continuation.
     */
    @Test
    void thePdfsHowToVerifyCopiesAsValidChecksumLinesAndWholeCommands() throws Exception {
        Path pack = routerPack();
        Path out = folder.resolve("out");
        assertEquals(0, run(pack.toString(), "--out", out.toString(), "--db", logWithOneRecord().toString()),
                err.toString());

        String text;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("approval-pack.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        String verify = text.substring(text.lastIndexOf("How to verify")).replace("\r\n", "\n");
        List<String> checksumLines = verify.lines().filter(line -> line.startsWith("SHA256 (")).toList();
        assertEquals(List.of("SHA256 (manifest.json) = " + sha256(pack.resolve("manifest.json")),
                "SHA256 (primary.csv) = " + sha256(pack.resolve("primary.csv"))), checksumLines);
        String joined = verify.replace(" \\\n", " ");
        assertTrue(joined.contains("\njava -jar verdict.jar log verify --db DECISIONS.db --checkpoint checkpoint.json"
                + " --trusted-signers trusted-signers.json\n"), verify);
        assertTrue(joined.contains("\nopenssl pkeyutl -verify -pubin -inkey SHA256SUMS-signer.pem -rawin -in SHA256SUMS"
                + " -sigfile SHA256SUMS.sig\n"), verify);
    }

    /**
     * Following "How to verify" step 2 to the letter checks every evidence file and leaves the review pack as it was:
     * saved inside the pack, the lines would have changed the pack hash the decision records.
     */
    @Test
    void theEvidenceStepChecksEveryFileAndLeavesThePackHashAsItWas() throws Exception {
        Path pack = routerPack();
        String packHash = new PackLoader().load(pack, Progress.NONE).packHash();
        Path out = folder.resolve("out");
        assertEquals(0, run(pack.toString(), "--out", out.toString()), err.toString());
        String verify = Files.readString(out.resolve("approval-pack.html"), StandardCharsets.UTF_8)
                .replaceAll("<[^>]+>", "");
        assertTrue(verify.contains("save these lines as evidence.sha256 beside the review pack's folder, not in it"),
                verify);
        assertTrue(verify.contains("\nsha256sum -c ../evidence.sha256\n"), verify);
        List<String> lines = verify.lines().filter(line -> line.startsWith("SHA256 (")).distinct().toList();
        Files.write(pack.resolveSibling("evidence.sha256"), lines);

        Process check = new ProcessBuilder("sha256sum", "-c", "../evidence.sha256").directory(pack.toFile())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, check.waitFor(), said);
        assertEquals(List.of("manifest.json: OK", "primary.csv: OK"), said.lines().toList());
        assertEquals(packHash, new PackLoader().load(pack, Progress.NONE).packHash());
    }

    private Path logWithOneRecord() throws Exception {
        Path db = folder.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(2, "beats production"), LedgerFixtures.signer("Ada Lovelace", "ml-lead"));
        }
        return db;
    }

    private static List<String> namesIn(byte[] sums) {
        return new String(sums, StandardCharsets.UTF_8).lines().map(line -> line.substring(66)).toList();
    }

    private static String sha256Line(byte[] sums, String name) {
        return new String(sums, StandardCharsets.UTF_8).lines().filter(line -> line.endsWith("  " + name))
                .findFirst().orElseThrow().substring(0, 64);
    }

    /** The files whose line fails {@code sha256sum -c}: "HEX  NAME", two spaces, as sha256sum writes it. */
    private static List<String> failingLines(Path dir, byte[] sums) throws Exception {
        List<String> failing = new ArrayList<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).lines().toList()) {
            assertTrue(line.matches("[0-9a-f]{64}  [^ ].*"), line);
            if (!sha256(dir.resolve(line.substring(66))).equals(line.substring(0, 64))) {
                failing.add(line.substring(66));
            }
        }
        return failing;
    }

    @Test
    void unknownCandidateIsBadInput() {
        Path pack = routerPack();
        assertEquals(2, run(pack.toString(), "--out", folder.resolve("out").toString(), "--candidate", "99"));
        assertTrue(err.toString().contains("99"));
    }

    /** The hashes a record states for the router pack's two files, as `log append --pack` would state them. */
    private static Map<String, String> packFileHashes(Path pack) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String file : List.of("manifest.json", "primary.csv")) {
            files.put(file, sha256(pack.resolve(file)));
        }
        return files;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
