package org.verdict.core.pack;

import java.util.Locale;

/** The part a model version plays in a review: the one serving today, or one that may replace it. */
public enum ModelRole {
    PRODUCTION, CANDIDATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelRole fromWireName(String name) {
        for (ModelRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected production or candidate)");
    }
}
