package org.verdict.cli.exit;

/** Exit codes shared by every command, so scripts can rely on them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check ran and did not pass: a gate failed, or the log was tampered with. */
    public static final int CHECK_FAILED = 1;
    /**
     * The input could not be used (a broken pack, a missing file, a wrong option), or the output could not be written
     * (standard output or an --out file on a full disk).
     */
    public static final int BAD_INPUT = 2;
    /**
     * Whoever read standard output closed it early ({@code verdict compare PACK | head -3}): 128 + SIGPIPE (13), the
     * status a shell reports for a Unix filter killed by that signal, so a {@code set -o pipefail} script still sees
     * that the output was cut, while the command itself, like such a filter, says nothing.
     */
    public static final int OUTPUT_CLOSED = 141;

    /**
     * How every command ends when it cannot do its work, for its --help after its own 0 (and 1): "Exit codes: 0 done,
     * " + REFUSALS. One sentence, so no command's help leaves out a code the launcher gives it.
     */
    public static final String REFUSALS = "2 bad input or output that could not be written (one message on standard"
            + " error that begins with \"error: \" and names the file, line and column where there is one), 141"
            + " standard output closed by its reader.";

    private ExitCodes() {
    }
}
