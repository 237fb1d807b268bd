package org.verdict.cli.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.RecordSignature;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the records of the log with their status.")
public final class ListCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    protected int run() throws LedgerException, IOException {
        try (DecisionLog log = DecisionLog.openReadOnly(store.db)) {
            LogSnapshot snapshot = log.snapshot();
            VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
            if (json) {
                printJson(snapshot, report);
            } else {
                printTable(snapshot, report);
            }
        }
        return ExitCodes.OK;
    }

    private void printTable(LogSnapshot snapshot, VerificationReport report) {
        out().printf("%-4s %-12s %-10s %-10s %-27s %-16s %-9s %s%n", "#", "id", "date", "kind", "decision", "model",
                "verified", "signatures");
        for (LoggedRecord record : snapshot.records()) {
            Optional<DecisionRecord> decision = record.statement().map(DecisionStatement::record);
            out().printf("%-4d %-12s %-10s %-10s %-27s %-16s %-9s %s%n", record.sequence(), record.shortId(),
                    decision.map(DecisionRecord::decisionDate).orElse("?"),
                    decision.map(d -> d.kind().wireName()).orElse("?"),
                    decision.map(DecisionRecord::decisionLabel).orElse("?"),
                    decision.map(DecisionRecord::model).orElse("?"),
                    report.isRecordIntact(record.sequence()) ? "yes" : "BROKEN",
                    report.quorums().get(record.sequence()).label());
            decision.map(DecisionRecord::overrideText).filter(text -> !text.isEmpty())
                    .ifPresent(text -> out().println("     ⚠ " + text));
        }
    }

    private void printJson(LogSnapshot snapshot, VerificationReport report) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (LoggedRecord record : snapshot.records()) {
            ObjectNode node = array.addObject();
            node.put("sequence", record.sequence());
            node.put("id", record.recordId());
            node.put("verified", report.isRecordIntact(record.sequence()));
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
            }
            record.statement().ifPresent(statement -> node.put("appendedAt", statement.appendedAt())
                    .put("appendedAtAuthenticated", true));
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
