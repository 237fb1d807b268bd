package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.UnreadableLogException;
import org.verdict.core.ledger.VerificationOptions;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every signature, the hash chain, the Merkle tree, every checkpoint and the signed signer"
                + " register; with --trusted-signers and --checkpoint also against references kept outside the store.",
                "Exit codes: 0 intact; 1 TAMPERED (a record, signature, entry or checkpoint was altered or removed; the"
                        + " first bad record or entry is named), DAMAGED (the file is a damaged SQLite database: cut"
                        + " short or overwritten), SUSPECT (the append-only guard was dropped or changed, so records"
                        + " removed from the end cannot be told; give --checkpoint) or POLICY NOT MET (nothing shows a"
                        + " change, but a signature or registration breaks --trusted-signers or the endorsement rule: a"
                        + " registration no signer endorsed, a second key under a signer's name and role); "
                        + ExitCodes.REFUSALS})
public final class VerifyCommand extends LedgerCommand {
    @Mixin
    ReadStoreOption store;

    @Mixin
    SigningPolicyOptions policy;

    @Mixin
    KeptCheckpointOption checkpoint;

    @Override
    protected int run() throws LedgerException {
        Path db = store.chosen(err());
        VerificationOptions options = policy.with(checkpoint.read());
        LogSnapshot snapshot;
        try {
            snapshot = checkpoint.snapshot(db, options.outsideCheckpoint(), out());
        } catch (UnreadableLogException e) {
            // a log cut short or overwritten fails the check; a missing file or another kind of file is bad input
            if (!e.isDamaged()) {
                throw e;
            }
            out().println("DAMAGED: " + e.getMessage());
            return ExitCodes.CHECK_FAILED;
        }
        if (snapshot == null) {
            return ExitCodes.CHECK_FAILED;
        }
        VerificationReport report = new LogVerifier().verify(snapshot, options, Progress.NONE);
        out().println(report.summary() + (report.isIntact() && checkpoint.file == null
                ? " (give one with --checkpoint FILE; see docs/decision-log.md)" : ""));
        report.problems().forEach(problem -> out().println("  " + problem));
        report.notes().forEach(note -> out().println("  note: " + note));
        snapshot.unknownInfoNote().ifPresent(note -> out().println("  note: " + note));
        // what the log was checked against, after the problems so it never reads as one of them, and in words that
        // do not read as a pass when one of those problems came from it
        if (policy.trustedSigners != null) {
            out().println("Checked against the trusted signers in " + policy.trustedSigners);
        }
        String checkedAgainst = checkpoint.outcome(report, true);
        if (checkedAgainst != null) {
            out().println(checkedAgainst);
        }
        // a verified signature says who decided, not that every gate passed: promotes over blocked gates are named,
        // and what an altered record says is marked as no statement of the board's
        for (LoggedRecord record : snapshot.records()) {
            String untrusted = report.untrustedContent(record.sequence());
            record.statement().map(DecisionStatement::record).map(DecisionRecord::overrideText)
                    .filter(text -> !text.isEmpty())
                    .ifPresent(text -> out().println("  #" + record.sequence() + " (" + record.shortId() + ") "
                            + (untrusted == null ? "" : "(" + untrusted + ") ") + text));
        }
        return report.isIntact() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
