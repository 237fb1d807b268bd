package org.verdict.cli.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.terminal.TerminalTable;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.Integrity;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.RecordSignature;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.StandingDecisions;
import org.verdict.core.ledger.VerificationOptions;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the records of the log with their integrity (as log verify judges them, against"
                + " --trusted-signers, --require-endorsement and --checkpoint when given) and signature status; the"
                + " table ends with log verify's summary line (and, with --checkpoint, whether the log extends it).",
                "Exit codes: 0 when the log was listed, whatever its records' standing (log verify is the check whose exit"
                        + " code says it); 1 TAMPERED when there is nothing to list because the log was destroyed"
                        + " since the --checkpoint was made; " + ExitCodes.REFUSALS})
public final class ListCommand extends LedgerCommand {
    @Mixin
    ReadStoreOption store;

    @Mixin
    SigningPolicyOptions policy;

    @Mixin
    KeptCheckpointOption checkpoint;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    protected int run() throws LedgerException, IOException {
        Path db = store.chosen(err());
        VerificationOptions options = policy.with(checkpoint.read());
        LogSnapshot snapshot = checkpoint.snapshot(db, options.outsideCheckpoint(), out());
        if (snapshot == null) {
            return ExitCodes.CHECK_FAILED;
        }
        VerificationReport report = new LogVerifier().verify(snapshot, options, Progress.NONE);
        if (json) {
            printJson(snapshot, report);
        } else {
            printTable(snapshot, report);
        }
        return ExitCodes.OK;
    }

    /**
     * One line per record, its columns as wide as their widest cell in terminal columns (a model named in Japanese or
     * with a combining accent keeps the table aligned); a promote over blocked gates has its overrides on a line below.
     */
    private void printTable(LogSnapshot snapshot, VerificationReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "id", "date", "kind", "decision", "model", "integrity", "signatures"});
        for (LoggedRecord record : snapshot.records()) {
            Optional<DecisionRecord> decision = record.statement().map(DecisionStatement::record);
            rows.add(new String[] {String.valueOf(record.sequence()), record.shortId(),
                decision.map(DecisionRecord::decisionDate).orElse("?"),
                decision.map(d -> d.kind().wireName()).orElse("?"),
                decision.map(DecisionRecord::decisionLabel).map(label -> untrusted(report, record, label)).orElse("?"),
                decision.map(DecisionRecord::model).orElse("?"),
                Integrity.badgeOf(report.problemsOf(record.sequence())),
                report.quorums().get(record.sequence()).label()});
        }
        List<String> lines = TerminalTable.lines(rows, NUMBER_COLUMNS);
        StandingDecisions standing = StandingDecisions.of(snapshot.records());
        out().println(lines.get(0));
        for (int i = 0; i < snapshot.records().size(); i++) {
            out().println(lines.get(i + 1));
            LoggedRecord record = snapshot.records().get(i);
            record.statement().map(DecisionStatement::record).map(DecisionRecord::overrideText)
                    .filter(text -> !text.isEmpty()).ifPresent(text -> out().println("     ⚠ "
                            + untrusted(report, record, text)));
            // several decisions on one question: each says which one counts
            String counts = standing.describe(record);
            if (!counts.isEmpty()) {
                out().println("     " + (standing.contradictedWithoutAmending(record).isEmpty() ? "↳ " : "⚠ ") + counts);
            }
        }
        // the log's standing in log verify's words: a policy the log does not meet is never called tampering
        out().println(report.summary() + (report.isIntact() && checkpoint.file == null
                ? " (give one with --checkpoint FILE)" : ""));
        String checkedAgainst = checkpoint.outcome(report, false);
        if (checkedAgainst != null) {
            out().println(checkedAgainst);
        }
    }

    /** What the record says, marked as no statement of the board's when a valid signature no longer vouches for it. */
    private static String untrusted(VerificationReport report, LoggedRecord record, String value) {
        String untrusted = report.untrustedContent(record.sequence());
        return untrusted == null ? value : value + " (" + untrusted + ")";
    }

    /** The record's number, right-aligned so that #9 and #10 end together. */
    private static final Set<Integer> NUMBER_COLUMNS = Set.of(0);

    private void printJson(LogSnapshot snapshot, VerificationReport report) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        StandingDecisions standing = StandingDecisions.of(snapshot.records());
        for (LoggedRecord record : snapshot.records()) {
            ObjectNode node = array.addObject();
            node.put("sequence", record.sequence());
            node.put("id", record.recordId());
            node.put("verified", report.isRecordIntact(record.sequence()));
            List<VerificationReport.Problem> problems = report.problemsOf(record.sequence());
            node.put("integrity", Integrity.of(problems).words());
            Long brokenAfter = Integrity.brokenAfter(problems);
            if (brokenAfter != null) {
                node.put("chainBrokenAfter", brokenAfter);
            }
            String untrusted = report.untrustedContent(record.sequence());
            if (untrusted != null) {
                node.put("contentTrusted", false);
            }
            if (!problems.isEmpty()) {
                ArrayNode found = node.putArray("problems");
                problems.forEach(problem -> found.add(problem.message()));
            }
            node.put("status", report.quorums().get(record.sequence()).label());
            ArrayNode signers = node.putArray("signatures");
            for (RecordSignature signature : record.signatures()) {
                RegisteredSigner signer = snapshot.signers().get(signature.keyId());
                // the store's clock, signed by nobody: log verify checks only that it tells no impossible order
                ObjectNode s = signers.addObject().put("keyId", signature.keyId()).put("signedAt", signature.signedAt())
                        .put("signedAtAuthenticated", false);
                if (signer != null) {
                    s.put("name", signer.name()).put("role", signer.role());
                }
                // each signature's own standing, as the Audit view's detail pane gives it
                LogVerifier.SignatureCheck check = report.signatureCheck(snapshot, record, signature);
                s.put("verified", check.isValid());
                if (!check.isValid()) {
                    s.put("problem", check.problem());
                }
            }
            record.statement().ifPresent(statement -> node.put("appendedAt", statement.appendedAt())
                    .put("appendedAtAuthenticated", true));
            String counts = standing.describe(record);
            if (!counts.isEmpty()) {
                node.put("standing", counts);
            }
            record.statement().map(DecisionStatement::record).ifPresent(decision -> {
                node.put("decision", decision.decisionLabel());
                if (!decision.overriddenGates().isEmpty()) {
                    ArrayNode overridden = node.putArray("overriddenGates");
                    decision.overriddenGates().forEach(overridden::add);
                }
                node.set("record", mapper.valueToTree(decision));
            });
        }
        out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    }
}
