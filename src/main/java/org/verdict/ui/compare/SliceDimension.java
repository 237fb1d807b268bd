package org.verdict.ui.compare;

import java.util.List;

/**
 * What the Compare view slices by: every single dimension at once ({@link #ALL}), one dimension (language), or an
 * intersectional cross (segment × language).
 */
public record SliceDimension(List<String> dimensions) {
    public static final SliceDimension ALL = new SliceDimension(List.of());

    public SliceDimension {
        dimensions = List.copyOf(dimensions);
    }

    public boolean isCross() {
        return dimensions.size() > 1;
    }

    /** Whether a result's slice belongs in this selection (the overall row always does). */
    public boolean includes(List<String> sliceDimensions) {
        if (sliceDimensions.isEmpty()) {
            return true;
        }
        return dimensions.isEmpty() ? sliceDimensions.size() == 1 : dimensions.equals(sliceDimensions);
    }

    /** Shown in the picker; {@code allLabel} names {@link #ALL}. */
    public String label(String allLabel) {
        return dimensions.isEmpty() ? allLabel : String.join(" × ", dimensions);
    }
}
