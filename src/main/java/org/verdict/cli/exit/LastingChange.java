package org.verdict.cli.exit;

/**
 * What a command changed that outlasts it, such as a record appended to the decision log: once made it stays, even
 * when the command's confirmation of it never arrives (standard output on a full disk) or a later step fails. The
 * command line then says it was done, so that no one, taking the error for a refusal, does it a second time.
 *
 * @param done what was changed, as a clause: "record #3 (id 9f86d081884c) was appended to decisions.db"
 * @param notAgain what not to repeat, as a sentence: "The record stays in the log: do not append it again …"
 */
public record LastingChange(String done, String notAgain) {
    /** The change whose confirmation was lost to {@code outputFailure} ("cannot write to standard output: …"). */
    public String unconfirmed(String outputFailure) {
        return done + "; only its confirmation could not be printed (" + outputFailure + "). " + notAgain;
    }

    /** The change, said after a later step of the same command failed. */
    public String despiteTheError() {
        return done + " before that error. " + notAgain;
    }
}
