package org.verdict.core.pack;

import java.util.List;

/**
 * A column of a few distinct string values, stored as one small integer code per row.
 * Slicing a table by a dimension is then a single pass over {@link #codes()}.
 *
 * @param levels distinct values, sorted ({@link SliceValueOrder} for a slice column); {@code codes[i]} indexes into it
 */
public record CategoricalColumn(String name, List<String> levels, int[] codes) {
    public CategoricalColumn {
        levels = List.copyOf(levels);
    }

    public int levelCount() {
        return levels.size();
    }

    public String valueAt(int row) {
        return levels.get(codes[row]);
    }
}
