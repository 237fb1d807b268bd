package org.verdict.core.pack;

import java.util.Optional;

/**
 * A review pack that cannot be read. Names the file and, where known, the line and column,
 * so the person who wrote the pack can fix it.
 */
public final class PackException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;
    private final boolean wholeHeader;
    private final String problem;
    /** The slice limit the pack went beyond, when that is what is wrong; else null. */
    private final SliceLimitExceeded sliceLimit;

    /**
     * @param file path of the offending file relative to the pack (or the pack itself)
     * @param line 1-based line, or 0 when not applicable
     * @param column 1-based column, or 0 when not applicable
     */
    public PackException(String file, long line, long column, String problem) {
        this(file, line, column, false, problem);
    }

    public PackException(String file, String problem) {
        this(file, 0, 0, problem);
    }

    private PackException(String file, long line, long column, boolean wholeHeader, String problem) {
        this(file, line, column, wholeHeader, problem, null);
    }

    private PackException(String file, long line, long column, boolean wholeHeader, String problem,
                          SliceLimitExceeded sliceLimit) {
        super(location(file, line, column, wholeHeader) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.wholeHeader = wholeHeader;
        this.problem = problem;
        this.sliceLimit = sliceLimit;
    }

    /** A table with more distinct slice values than {@code exceeded}'s limit allows. */
    public static PackException beyondSliceLimit(String file, long line, long column, String problem,
                                                 SliceLimitExceeded exceeded) {
        return new PackException(file, line, column, false, problem, exceeded);
    }

    /** The slice limit the pack went beyond, when that is what is wrong: a higher limit would open it. */
    public Optional<SliceLimitExceeded> sliceLimit() {
        return Optional.ofNullable(sliceLimit);
    }

    /**
     * A problem of a table's header as a whole, such as a column it lacks: placed at line 1, the header, and at no
     * column, since none of the columns it has is at fault.
     */
    public static PackException inHeader(String file, String problem) {
        return new PackException(file, 1, 0, true, problem);
    }

    private static String location(String file, long line, long column, boolean wholeHeader) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (wholeHeader) {
            where.append(" (the header)");
        } else if (column > 0) {
            where.append(", column ").append(column);
        }
        return where.toString();
    }

    /**
     * Where the problem is, as the message begins and as every place that shows it (command line, app) says it:
     * "primary.csv, line 4, column 6", "primary.csv, line 1 (the header)", "manifest.json".
     */
    public String location() {
        return location(file, line, column, wholeHeader);
    }

    public String file() {
        return file;
    }

    /** The same problem at the same line and column of {@code otherFile}, a byte copy of this one's file. */
    public PackException relocated(String otherFile) {
        return new PackException(otherFile, line, column, wholeHeader, problem, sliceLimit);
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** What is wrong, without the location prefix. */
    public String problem() {
        return problem;
    }
}
