package org.verdict.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogNotIntactException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.Quorum;
import org.verdict.core.ledger.RecordKind;
import org.verdict.core.ledger.RecordSignature;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.StandingDecisions;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.VerificationOptions;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.report.DecisionEvidence.SignatureEvidence;
import org.verdict.core.report.DecisionEvidence.Trust;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.task.Progress;

/**
 * The decision log's part of an approval pack: the records made from exactly this pack's evidence (their evidence
 * hashes equal the pack's) about this pack's model, and the amendments to them, each signature verified, and the
 * latest signed checkpoint. Only from a log that shows no change and whose append-only guard is in place, as {@code
 * log checkpoint} and {@code log export} require: the pack hands its checkpoint out to keep as proof, which must never
 * vouch for a changed history, nor for one whose newest records may have been removed unseen (SUSPECT). A log that
 * only breaks the signing policy ({@code log verify}'s POLICY NOT MET: an unendorsed registration, a signer the
 * trusted signers list does not name) is no changed history: the pack is written, with that standing stamped on its
 * summary and decision record, and each signature's standing beside it. A record that holds this
 * pack's hashes but names another model (one appended without {@code --pack}, or before its model was checked) is no
 * decision about this model, so it is not listed as one. Decisions about the pack's model and candidate made on
 * other evidence (another pack hash) follow them, marked so, and each decision says which one counts when the log
 * holds several on the same question.
 */
public final class DecisionLogEvidence {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is not done, in the words {@code log checkpoint} uses for the same log. */
    public static final String REFUSED = "no approval pack was written and no checkpoint is given out (whoever keeps"
            + " it would hold a changed history as proof)";

    /**
     * How to include the log a decision was signed into, said wherever a pack was made without one (the decision
     * record's page, {@code report}'s output): the app signs into its own store unless told otherwise, and a
     * first-time user who recorded a decision there does not know where that is.
     *
     * @param pack the pack as the command names it ("PACK" on the page, which any reader may have made)
     * @param out the folder as the command names it
     */
    public static String howToInclude(String pack, String out) {
        return "To include the board's decision, give the decision log it was signed into: verdict report " + pack
                + " --out " + out + " --db FILE. The app signs into decisions.db in its user data folder (~/.verdict/,"
                + " or the folder $VERDICT_HOME names) unless another log was chosen, and its status bar names the log"
                + " in use; the app's own export includes that log.";
    }

    private DecisionLogEvidence() {
    }

    /**
     * Reads the log read-only; nothing in it is changed.
     *
     * @param roster the organisation's trusted signers, as {@code log verify --trusted-signers} checks them; null
     *               when none was given, which the pack then says: a name and role are what their key registered
     * @throws LogNotIntactException when the log shows a change or its append-only guard was changed (SUSPECT): no
     *                               approval pack is written from it (a signing policy it does not meet is no
     *                               change, and the pack reports it)
     */
    public static ApprovalPackContent addTo(ApprovalPackContent content, Path db, TrustedSigners roster,
                                            Progress progress) throws LedgerException {
        LogSnapshot snapshot;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            snapshot = log.snapshot();
        }
        // endorsements required, as `log verify` checks them by default: the pack says what the command line says
        VerificationReport verification = new LogVerifier().verify(snapshot,
                new VerificationOptions(roster, null, VerificationOptions.Endorsements.REQUIRED), progress);
        if (verification.isTampered() || verification.isSuspect()) {
            throw new LogNotIntactException(db, verification, REFUSED);
        }
        List<DecisionEvidence> decisions = new ArrayList<>();
        List<DecisionEvidence> otherEvidence = new ArrayList<>();
        StandingDecisions standing = StandingDecisions.of(snapshot.records());
        Set<String> included = new HashSet<>();
        for (LoggedRecord record : snapshot.records()) {
            Optional<DecisionRecord> decision = record.statement().map(DecisionStatement::record);
            if (decision.isEmpty()) {
                continue;
            }
            if (belongsToPack(decision.get(), content, included)) {
                included.add(record.recordId());
                decisions.add(decision(record, decision.get(), snapshot, verification, roster,
                        standing.describe(record), null));
            } else if (onOtherEvidence(decision.get(), content)) {
                otherEvidence.add(decision(record, decision.get(), snapshot, verification, roster,
                        standing.describe(record), "made on other evidence: pack hash "
                                + (decision.get().evidence().pack() == null ? "not stated"
                                : decision.get().evidence().pack().substring(0, Math.min(12,
                                decision.get().evidence().pack().length())) + "…") + ", not this pack's files"));
            }
        }
        decisions.addAll(otherEvidence);
        LogCheckpoint checkpoint = snapshot.latestCheckpoint()
                .map(c -> checkpoint(c, snapshot, verification, roster)).orElse(null);
        return content.withDecisions(decisions, checkpoint);
    }

    private static boolean belongsToPack(DecisionRecord record, ApprovalPackContent content, Set<String> included) {
        if (record.kind() == RecordKind.AMENDMENT) {
            return record.amends() != null && included.stream().anyMatch(id -> id.startsWith(record.amends()));
        }
        return record.evidence() != null && content.evidenceHashes().equals(record.evidence().files())
                && content.model().name().equals(record.model());
    }

    /**
     * A decision about this pack's model and candidate made on other evidence (an edited copy of the pack, an earlier
     * run): an auditor looking at this pack must learn that the board decided on something else, and what.
     */
    private static boolean onOtherEvidence(DecisionRecord record, ApprovalPackContent content) {
        return record.kind() == RecordKind.PROMOTION && record.evidence() != null
                && content.model().name().equals(record.model())
                && content.candidateVersion().equals(record.candidateVersion());
    }

    private static DecisionEvidence decision(LoggedRecord record, DecisionRecord decision, LogSnapshot snapshot,
                                             VerificationReport verification, TrustedSigners roster, String standing,
                                             String otherEvidence) {
        List<SignatureEvidence> signatures = new ArrayList<>();
        for (RecordSignature signature : record.signatures()) {
            RegisteredSigner signer = snapshot.signers().get(signature.keyId());
            LogVerifier.SignatureCheck check = LogVerifier.checkSignature(snapshot, record, signature,
                    VerificationOptions.STORE_ONLY);
            Trust trust = null;
            if (roster != null && check.isValid()) {
                LogVerifier.SignatureCheck listed = LogVerifier.checkSignature(snapshot, record, signature,
                        new VerificationOptions(roster, null, VerificationOptions.Endorsements.NOT_CHECKED));
                trust = new Trust(listed.isValid(), listed.isValid()
                        ? "listed in " + roster.source().getFileName() : listed.problem());
            }
            signatures.add(new SignatureEvidence(signer == null ? "unknown signer" : signer.name(),
                    signer == null ? "–" : signer.role(), signature.keyId(), check.isValid() ? "valid" : check.problem(),
                    trust));
        }
        Quorum quorum = verification.quorums().get(record.sequence());
        String status = quorum == null ? "–" : quorum.label();
        String what = decision.action();
        String rationale = decision.rationale() == null ? "" : decision.rationale();
        return new DecisionEvidence("#" + record.sequence() + " (" + record.shortId() + ")", decision.model(),
                decision.kind().wireName(),
                decision.decisionDate(), what, rationale, signatures, status, record.recordId(), standing, otherEvidence);
    }

    private static LogCheckpoint checkpoint(Checkpoint checkpoint, LogSnapshot snapshot, VerificationReport verification,
                                            TrustedSigners roster) {
        String records = MetricFormat.count(verification.recordCount(), "record", "records");
        String policyNotMet = verification.isIntact() ? null
                : verification.summary() + "; the first: " + verification.problems().get(0);
        String status = verification.isIntact() ? "✔ valid; the whole log verifies (" + records + ")"
                : "✔ valid; the log shows no change (" + records + "), but " + MetricFormat.count(
                        verification.problems().size(), "problem breaks", "problems break") + " the signing policy"
                        + " checked (" + (roster == null ? "" : "the trusted signers list " + roster.source().getFileName()
                        + ", ") + "endorsements), the first: " + verification.problems().get(0);
        RegisteredSigner signer = snapshot.signers().get(checkpoint.keyId());
        return new LogCheckpoint(checkpoint.treeSize(), checkpoint.rootHashHex(), status, fieldsOf(checkpoint),
                new String(checkpoint.note(), StandardCharsets.UTF_8),
                signer == null ? null : checkpoint, signer == null ? null : signer.name() + " (" + signer.role() + ")",
                signer == null ? null : signer.publicKeyPem(),
                roster == null ? null : roster.source().getFileName().toString(), policyNotMet);
    }

    /** The checkpoint JSON as {@code log checkpoint} writes it, but for the note (see {@link LogCheckpoint#text}). */
    private static String fieldsOf(Checkpoint checkpoint) {
        try {
            ObjectNode fields = (ObjectNode) JSON.readTree(checkpoint.toJson());
            fields.remove("note");
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint's own JSON did not read back", e);
        }
    }
}
