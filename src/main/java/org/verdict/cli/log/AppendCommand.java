package org.verdict.cli.log;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.verdict.cli.exit.PackErrorText;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.options.PackLimitOptions;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.Evidence;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.PackBinding;
import org.verdict.core.ledger.RecordFile;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.RecordedOutcomes;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.summary.SummaryPacks;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "append", mixinStandardHelpOptions = true,
        description = {"Sign a decision record and append it to the log (creating the log if needed).",
            "If its confirmation cannot be printed (standard output on a full disk), the record stays appended: the"
                    + " error (exit 2) names the record's number and id, and it must not be appended again.",
            "Exit codes: 0 appended, 1 the log does not verify or its append-only guard was changed (nothing"
                    + " appended), " + ExitCodes.REFUSALS})
public final class AppendCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--record", required = true, paramLabel = "FILE.json", description = "The decision record (see docs/decision-log.md).")
    Path recordFile;

    @Option(names = "--pack", paramLabel = "PACK", description = "The review pack (folder or .zip) the decision was"
            + " made from: its files' SHA-256 become the record's evidence (or must equal the evidence it holds), and"
            + " a promotion's gate outcomes must be the ones Verdict judges on it (left out: Verdict's are taken).")
    Path pack;

    @Mixin
    KeyOptions key;

    /** The limits validate, compare, gate and report take, for the --pack the gates are judged on. */
    @Mixin
    PackLimitOptions limitOptions = new PackLimitOptions();

    @Override
    protected int run() throws LedgerException {
        RecordFile file = RecordFile.read(recordFile);
        // every problem of the file at once; what the pack fills in or checks is judged once it is bound to it
        file.requireSound(file.record(), pack == null ? List.of() : RecordFile.FILLED_BY_PACK);
        file.requireDatedBy(Instant.now());
        DecisionRecord record = file.record();
        if (pack != null) {
            record = bindToPack(record);
            file.requireSound(record, List.of());
        }
        SignerKey signer = key.unlock();
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            LoggedRecord appended = log.append(record, signer);
            changed("record #" + appended.sequence() + " (id " + appended.shortId() + ") was appended to " + store.db,
                    "The record stays in the log: do not append it again (`verdict log list --db " + store.db
                            + "` shows it).");
            out().println("appended record #" + appended.sequence() + " " + appended.recordId() + " signed by "
                    + signer.identity());
            LogSnapshot signed = log.snapshot();
            out().println(RecordStatus.of(signed, appended.sequence()));
            RecordStatus.endorsementWanted(signed, signer.identity(), key.keyFile, store.db)
                    .ifPresent(warning -> err().println("warning: " + warning));
        }
        return ExitCodes.OK;
    }

    private DecisionRecord bindToPack(DecisionRecord record) throws LedgerException {
        // open until the gates are judged again: a .zip pack's unpacked copy is deleted when it closes
        try (ReviewPack loaded = loadPack()) {
            Evidence evidence = Evidence.of(loaded);
            List<String> differences = record.evidence() == null ? List.of()
                    : record.evidence().differencesFrom(evidence);
            if (!differences.isEmpty()) {
                throw new LedgerException(recordFile + ": its evidence does not match the files of " + pack + " (the"
                        + " decision would be bound to other evidence than the pack it names):\n  "
                        + String.join("\n  ", differences) + "\nLeave 'evidence' out of the record to take the pack's,"
                        + " or give the pack the decision was made from.");
            }
            PackBinding.check(record, loaded.manifest(), recordFile.toString(), pack.toString());
            DecisionRecord bound = record.withEvidence(evidence);
            return bound.kind() == RecordKind.PROMOTION ? judgedAgain(bound, loaded) : bound;
        }
    }

    private ReviewPack loadPack() throws LedgerException {
        try {
            return SummaryPacks.loader(limitOptions.limits()).load(pack, Progress.NONE);
        } catch (PackException e) {
            throw new LedgerException("cannot read the pack: " + PackErrorText.of(pack, e), e);
        }
    }

    /**
     * A promotion states the gate outcomes it was decided on; they must be the ones Verdict judges on this pack
     * under its own policy, for the record's candidate ({@link PackBinding} has checked that the pack holds it). A
     * record that leaves the gate table out takes Verdict's.
     */
    private DecisionRecord judgedAgain(DecisionRecord record, ReviewPack loaded) throws LedgerException {
        CandidateReview review;
        try {
            GateReview gates = new GateReview(new ComparisonEngine(), SummaryPacks.loader(limitOptions.limits()),
                    new SuiteReader(limitOptions.limits()), new PolicyReader());
            review = gates.reviewUnderItsPolicy(loaded, record.candidateVersion(), Progress.NONE);
        } catch (PackException e) {
            throw new LedgerException("cannot judge the gates of " + pack + ": " + e.getMessage(), e);
        }
        EvaluationSummary judged = RecordedOutcomes.summaryOf(review);
        EvaluationSummary stated = withTargetUnit(record.evaluationSummary(), loaded.manifest().model().targetUnit());
        if (stated == null || stated.gates().isEmpty()) {
            DecisionRecord filled = record.withEvaluationSummary(stated == null || stated.keyMetrics().isEmpty()
                    ? judged : judged.withKeyMetrics(stated.keyMetrics()));
            // the record stated no outcomes: a missing justification answers to Verdict's, and says so
            List<String> overrides = filled.overrideProblems(DecisionRecord.OutcomeSource.judgedOn(pack.toString()));
            if (!overrides.isEmpty()) {
                throw new LedgerException(recordFile + ": the record states no gate outcomes, so it takes Verdict's on "
                        + pack + " under its policy; promoting over the gates among them that fail or lack evidence "
                        + "needs a justification for each:\n  " + String.join("\n  ", overrides));
            }
            return filled;
        }
        List<String> differences = RecordedOutcomes.differences(stated, review.gates());
        if (!differences.isEmpty()) {
            throw refused(differences);
        }
        // a stated table is checked, not replaced: the worse slices it leaves out are Verdict's, so they are signed too
        return record.withEvaluationSummary(stated.worseSlices() != null ? stated
                : new EvaluationSummary(stated.gates(), stated.keyMetrics(), judged.worseSlices()));
    }

    /**
     * The stated summary with the pack's target unit on each metric in the target's units that states none: a record
     * signed now says its mae is in dollars, whoever wrote its file.
     */
    private static EvaluationSummary withTargetUnit(EvaluationSummary stated, TargetUnit unit) {
        return stated == null ? null : stated.withKeyMetrics(stated.keyMetrics().stream()
                .map(m -> m.inTargetUnit(unit)).toList());
    }

    private LedgerException refused(List<String> differences) {
        return new LedgerException(recordFile + ": the record states other outcomes than Verdict judges on " + pack
                + " under its policy (a record must not claim what the evidence does not give):\n  "
                + String.join("\n  ", differences)
                + "\nLeave 'evaluationSummary.gates' out of the record to take Verdict's, or give the pack the decision"
                + " was made from.");
    }
}
