package org.verdict.core.pack;

import java.util.Map;

/**
 * Told of each table a reader reads, on the reading thread, so that work needing only the rows read so far (the
 * comparison's hashing of the example ids) can run on another core while the rest of the file is parsed. A table may
 * still be refused after any of these calls, so what they start must be of no consequence then.
 */
public interface RowsListener {
    /** Listens to no table. */
    RowsListener NONE = (task, everyModelScored) -> null;

    /**
     * A table's header has been read.
     *
     * @param everyModelScored whether every model has a column of scores (binary tasks only)
     * @return what to tell of this table's rows, or null for nothing
     */
    TableRows reading(Task task, boolean everyModelScored);

    /** What is told of one table's rows while it is read. */
    interface TableRows {
        /**
         * Every 65,536 rows: the ids of the rows read so far. They stay as they are while more rows are read, so another
         * thread may go through them meanwhile.
         */
        default void idsRead(ExampleIds soFar) {
        }

        /**
         * Every row read, before the table is made of trimmed copies of its columns: each scored model's scores by
         * version (binary tasks only), the first {@code rows} entries of arrays that may be longer and stay as they
         * are, so another thread may go through them meanwhile; {@link #rowsRead} follows unless the table is refused.
         */
        default void scoresRead(int rows, ExampleIds ids, Map<String, double[]> scoresByVersion) {
        }

        /** The table, as soon as all its rows are read, before its ids are checked for repeats. */
        void rowsRead(EvaluationTable table);
    }
}
