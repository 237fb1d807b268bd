package org.verdict.core.pack;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct values of a column (slice values, class names) by their composed Unicode form (NFC), to catch one value
 * written in two forms: "Zürich" with a precomposed ü (NFC, what most tools write) and "Zu\u0308rich" with a u and a
 * combining diaeresis (NFD, what macOS file names and some exports give) print alike but differ in their characters,
 * so they would become two slices or classes with the same printed name. Stored data is never silently changed, so
 * the second form is refused ({@link RowProblems#otherUnicodeForm}) rather than normalised. Readers call {@link #add}
 * only when a value is met for the first time, a handful of times per column, never per row.
 *
 * @param <P> where a value was met, as the caller names it in the message (a line, a line and column, the manifest)
 */
public final class UnicodeForms<P> {
    /** An earlier value that is the same text as a new one in another Unicode form, and where it was met. */
    public record Twin<P>(String value, P place) {
    }

    private final Map<String, Twin<P>> byComposedForm = new HashMap<>();

    /**
     * Notes a value met for the first time (adding one already added changes nothing).
     *
     * @return the earlier value that differs from {@code value} only in its Unicode form, or null when there is none
     */
    public Twin<P> add(String value, P place) {
        Twin<P> earlier = byComposedForm.putIfAbsent(Normalizer.normalize(value, Normalizer.Form.NFC),
                new Twin<>(value, place));
        return earlier == null || earlier.value().equals(value) ? null : earlier;
    }

    /** The earlier value that differs from {@code value} only in its Unicode form, or null; nothing is added. */
    public Twin<P> twinOf(String value) {
        Twin<P> earlier = byComposedForm.get(Normalizer.normalize(value, Normalizer.Form.NFC));
        return earlier == null || earlier.value().equals(value) ? null : earlier;
    }

    /** The form a value is written in, as the message names it: NFC, NFD, or neither. */
    static String form(String value) {
        if (Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return "NFC";
        }
        return Normalizer.isNormalized(value, Normalizer.Form.NFD) ? "NFD" : "neither NFC nor NFD";
    }
}
