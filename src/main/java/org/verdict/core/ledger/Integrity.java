package org.verdict.core.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.verdict.core.ledger.VerificationReport.Problem;

/**
 * A record's (or a whole log's) standing in the words {@code log verify} heads its report with: a record whose only
 * problem is a signing policy it was checked against (a signer not in the trusted signers list) is whole, not
 * tampered with. {@code log list} and the Audit view mark records with it.
 */
public enum Integrity {
    VERIFIED("✔ verified"),
    /** Unchanged, but a signature or registration breaks the signing policy checked: POLICY NOT MET. */
    POLICY_NOT_MET("⚠ policy not met"),
    /**
     * Nothing shows a change, but the store's append-only guard was changed, so records removed from its end could
     * not be seen: SUSPECT. Only a whole log has it (no record is marked for it).
     */
    SUSPECT("⚠ suspect"),
    /**
     * The record's own bytes and signatures verify, but its link to the records before it breaks because an earlier
     * record was changed ({@link Problem.Kind#BROKEN_LINK}): the log is TAMPERED, this record is not.
     */
    CHAIN_BROKEN("⚠ chain broken"),
    /** The record, a signature or its own place in the chain was changed: TAMPERED. */
    TAMPERED("✖ tampered");

    private final String badge;

    Integrity(String badge) {
        this.badge = badge;
    }

    /** The standing {@code problems} of one record (or of the whole log) give. */
    public static Integrity of(List<Problem> problems) {
        return problems.isEmpty() ? VERIFIED
                : problems.stream().anyMatch(p -> p.kind() == Problem.Kind.TAMPERING) ? TAMPERED
                : problems.stream().anyMatch(p -> p.kind() == Problem.Kind.UNGUARDED) ? SUSPECT
                : problems.stream().anyMatch(p -> p.kind() == Problem.Kind.BROKEN_LINK) ? CHAIN_BROKEN : POLICY_NOT_MET;
    }

    /**
     * The mark of one record with {@code problems}: its standing's {@link #badge}, and for a broken chain the changed
     * record it breaks after ("⚠ chain broken after #1"), so that the table itself says which record was changed.
     */
    public static String badgeOf(List<Problem> problems) {
        Integrity integrity = of(problems);
        return integrity != CHAIN_BROKEN ? integrity.badge : integrity.badge + " after #" + brokenAfter(problems);
    }

    /** The changed record a record's broken chain follows, or null when its chain is not broken by another. */
    public static Long brokenAfter(List<Problem> problems) {
        return of(problems) != CHAIN_BROKEN ? null : problems.stream().map(Problem::brokenAfter)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The mark the command line prints, its symbol first for readers who cannot tell the colours apart. */
    public String badge() {
        return badge;
    }

    /** The words alone ("policy not met"), as {@code log list --json} gives them. */
    public String words() {
        return badge.substring(2);
    }
}
