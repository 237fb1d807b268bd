package org.verdict.core.compare;

import java.util.List;

/**
 * Which examples a result covers: {@code dimensions = [language], values = [de]}; the overall slice has both empty;
 * an intersectional slice has several dimensions.
 */
public record SliceKey(List<String> dimensions, List<String> values) {
    public static final SliceKey OVERALL = new SliceKey(List.of(), List.of());

    public SliceKey {
        dimensions = List.copyOf(dimensions);
        values = List.copyOf(values);
        if (dimensions.size() != values.size()) {
            throw new IllegalArgumentException("a slice needs one value per dimension");
        }
    }

    public boolean isOverall() {
        return dimensions.isEmpty();
    }

    /** e.g. {@code language=de}, {@code segment=smb × language=ja}, or {@code overall}. */
    public String label() {
        if (isOverall()) {
            return "overall";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            if (i > 0) {
                text.append(" × ");
            }
            text.append(dimensions.get(i)).append('=').append(values.get(i));
        }
        return text.toString();
    }
}
