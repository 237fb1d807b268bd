package org.verdict.core.pack;

/**
 * A review pack that cannot be read. Names the file and, where known, the line and column,
 * so the person who wrote the pack can fix it.
 */
public final class PackException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;
    private final String problem;

    /**
     * @param file path of the offending file relative to the pack (or the pack itself)
     * @param line 1-based line, or 0 when not applicable
     * @param column 1-based column, or 0 when not applicable
     */
    public PackException(String file, long line, long column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public PackException(String file, String problem) {
        this(file, 0, 0, problem);
    }

    private static String format(String file, long line, long column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        return where + ": " + problem;
    }

    public String file() {
        return file;
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
