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

    private ExitCodes() {
    }
}
