package org.verdict.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;

/**
 * Standard output that remembers whether every write reached it. {@link PrintWriter} and {@link PrintStream}, which
 * the commands print through, swallow an {@link IOException} (a full disk, a closed pipe): without this a command
 * whose result never arrived (an empty checkpoint file, a cut JSON) would still exit 0. The first failure is kept
 * with its reason; a print stream below that already swallowed one is asked too, though it kept no reason.
 */
final class StandardOutput extends FilterWriter {
    /**
     * The messages of a write to a pipe whose reader has gone: "Broken pipe" is the JDK's text for EPIPE on Linux and
     * macOS, the other two Windows' for ERROR_NO_DATA and ERROR_BROKEN_PIPE. The JDK throws a plain IOException
     * there, with no subclass or error code to tell it from a full disk, so its message is the only signal.
     */
    private static final Set<String> CLOSED_PIPE_MESSAGES = Set.of("Broken pipe", "The pipe is being closed",
            "The pipe has been ended");

    private final Object below;
    private IOException failure;

    private StandardOutput(Writer out, Object below) {
        super(out);
        this.below = below;
    }

    /** Standard output written as characters to {@code out}. */
    static StandardOutput over(Writer out) {
        return new StandardOutput(out, out);
    }

    /** Standard output written as bytes, in {@code charset}, to {@code out}. */
    static StandardOutput over(OutputStream out, Charset charset) {
        return new StandardOutput(new BufferedWriter(new OutputStreamWriter(out, charset)), out);
    }

    @Override
    public void write(int c) throws IOException {
        try {
            out.write(c);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        try {
            out.write(buffer, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        try {
            out.write(text, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /**
     * Whether the output stopped arriving because its reader closed the pipe ({@code | head}), which a Unix filter
     * takes quietly, rather than because it could not be stored; {@link #failure()} first.
     */
    boolean closedByReader() {
        if (failure == null || failure.getMessage() == null) {
            return false;
        }
        String reason = failure.getMessage().strip();
        return CLOSED_PIPE_MESSAGES.contains(reason.endsWith(".") ? reason.substring(0, reason.length() - 1)
                : reason);
    }

    /**
     * Why the output did not all arrive ("cannot write to standard output: No space left on device"), once everything
     * printed has been flushed; empty when it all did.
     */
    Optional<String> failure() {
        try {
            flush();
        } catch (IOException e) {
            // kept by failed()
        }
        if (failure != null) {
            String reason = failure.getMessage();
            return Optional.of("cannot write to standard output" + (reason == null || reason.isBlank() ? ""
                    : ": " + reason));
        }
        boolean swallowed = below instanceof PrintWriter writer ? writer.checkError()
                : below instanceof PrintStream stream && stream.checkError();
        return swallowed ? Optional.of("cannot write to standard output") : Optional.empty();
    }
}
