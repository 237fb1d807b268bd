package org.verdict.core.ledger;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What differs between a signer row of the register's tables and its signed registration, where printing both side
 * by side would not show it: a name in another Unicode normalisation prints the same, and a public key's PEM text
 * with other line endings still holds the same key.
 */
final class RegisterDifference {
    private RegisterDifference() {
    }

    /**
     * Why a listed name or role that differs from the signed one looks the same, naming the differing code points;
     * empty when they differ visibly (both printed already say how).
     *
     * @param what "name" or "role"
     */
    static String ofLabel(String what, String listed, String signed) {
        if (listed.equals(signed)) {
            return "";
        }
        boolean normalisation = Normalizer.normalize(listed, Normalizer.Form.NFC)
                .equals(Normalizer.normalize(signed, Normalizer.Form.NFC));
        if (!normalisation && !invisible(listed).equals(invisible(signed))) {
            return "";
        }
        int[] a = listed.codePoints().toArray();
        int[] b = signed.codePoints().toArray();
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        return "; the listed " + what + " has " + codePoints(a, prefix, a.length - suffix) + " where the signed one has "
                + codePoints(b, prefix, b.length - suffix) + (normalisation
                ? " (the same text in another Unicode normalisation, so both print alike)"
                : " (characters that do not show, so both print alike)");
    }

    /**
     * How a listed public key's PEM text differs from the signed one's when both hold the same key (its line
     * endings or spacing rewritten); empty when they hold different keys or either cannot be read.
     */
    static String ofSameKey(String listedPem, String signedPem) {
        byte[] listed;
        byte[] signed;
        try {
            listed = Pem.decode("PUBLIC KEY", listedPem);
            signed = Pem.decode("PUBLIC KEY", signedPem);
        } catch (LedgerException e) {
            return "";
        }
        if (!Arrays.equals(listed, signed)) {
            return "";
        }
        boolean crlf = listedPem.contains("\r\n") && !signedPem.contains("\r\n")
                && listedPem.replace("\r\n", "\n").equals(signedPem);
        return crlf ? "; the listed public key is the registered one, its PEM text's line endings changed from LF to"
                + " CRLF" : "; the listed public key is the registered one in other PEM text (its line breaks or spacing"
                + " changed)";
    }

    /** The text without whitespace and format characters (zero-width spaces, joiners, direction marks). */
    private static String invisible(String text) {
        return text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String codePoints(int[] codePoints, int from, int to) {
        return from >= to ? "nothing" : Arrays.stream(codePoints, from, to)
                .mapToObj(c -> String.format(Locale.ROOT, "U+%04X", c)).collect(Collectors.joining(" "));
    }
}
