package org.verdict.core.pack;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The characters that make a value look like a number on screen but not be one: a minus sign or dash where a number
 * has the hyphen-minus, a digit of another script, a no-break or thin space grouping digits, a currency sign,
 * accounting parentheses. A spreadsheet or a locale-aware export writes them, and the refused value, quoted in a
 * message, reads like a valid one; so the message names each such character with its Unicode code and name, and
 * gives the number written in ASCII digits where that is one.
 */
final class NumberLookAlikes {
    /** Characters drawn like a minus: the minus sign, the hyphens and dashes, their small and full-width forms. */
    private static final Set<Integer> MINUS_LIKE = Set.of(0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015,
            0x02D7, 0xFE58, 0xFE63, 0xFF0D);
    private static final Set<Integer> PLUS_LIKE = Set.of(0xFE62, 0xFF0B);
    /** Decimal points of other forms: full-width, small, the Arabic decimal separator, the one-dot leader. */
    private static final Set<Integer> POINT_LIKE = Set.of(0xFF0E, 0xFE52, 0x066B, 0x2024);
    /** Marks that group digits by thousands besides the spaces: apostrophes (Swiss), the Arabic thousands separator. */
    private static final Set<Integer> GROUPING = Set.of((int) '\'', 0x2019, 0x02BC, 0x066C);
    /**
     * Commas that can only be grouping thousands: groups of three digits before a decimal point ('1,826.55') or more
     * than one of them ('2,896,924'). A lone '1,826' may as well be a decimal comma, which the reader names as such.
     */
    private static final Pattern GROUPING_COMMAS = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+\\.[0-9]+"
            + "|[+-]?[0-9]{1,3}(,[0-9]{3}){2,}");
    /** An amount with a currency code written before or after it, with or without a space: 'USD 12', '12 EUR'. */
    private static final Pattern CURRENCY_CODE = Pattern.compile("(?<code>[A-Z]{3})[ \\u00A0]?(?<amount>[^A-Z].*)"
            + "|(?<amountFirst>.*[^A-Z ])[ \\u00A0]?(?<codeAfter>[A-Z]{3})");
    private static final Set<String> CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    /** How many look-alikes a message names before it says how many more there are. */
    private static final int NAMED = 3;

    /**
     * @param said what is wrong, in words ("'−' (U+2212 MINUS SIGN) where a number has '-' (U+002D HYPHEN-MINUS)")
     * @param number the value written as a number, or null when it is none even without the look-alikes
     */
    record Found(String said, String number) {
    }

    private NumberLookAlikes() {
    }

    /**
     * The look-alikes in {@code value} (stripped of whitespace at its ends), or null when it holds none. Characters
     * that are not ASCII are always named (the eye cannot tell them); ASCII conventions of a written amount (a space,
     * apostrophe or comma grouping digits, a currency sign or ISO 4217 code, accounting parentheses, a decimal comma
     * beside another look-alike) only when the value would be a number without them, so that "12 apples" is not
     * said to group digits.
     *
     * @param isNumber whether a text is a number as the reader reads one
     */
    static Found in(String value, Predicate<String> isNumber) {
        StringBuilder ascii = new StringBuilder(value.length());
        // one description per character (per script for digits), in the order met
        Map<String, String> unseen = new LinkedHashMap<>();
        Map<String, String> conventions = new LinkedHashMap<>();
        // the code is taken off first, so that the space between it and the amount is not read as grouping digits
        Matcher coded = CURRENCY_CODE.matcher(value);
        String amount = value;
        if (coded.matches()) {
            String code = coded.group("code") != null ? coded.group("code") : coded.group("codeAfter");
            if (CURRENCY_CODES.contains(code)) {
                conventions.put("code", "'" + code + "', a currency code: the column holds the amount alone");
                amount = coded.group("code") != null ? coded.group("amount") : coded.group("amountFirst");
            }
        }
        amount.codePoints().forEach(c -> {
            boolean ascii7 = c <= 0x7F;
            if (MINUS_LIKE.contains(c)) {
                ascii.append('-');
                unseen.putIfAbsent(key(c), named(c) + " where a number has '-' (U+002D HYPHEN-MINUS)");
            } else if (PLUS_LIKE.contains(c)) {
                ascii.append('+');
                unseen.putIfAbsent(key(c), named(c) + " where a number has '+' (U+002B PLUS SIGN)");
            } else if (POINT_LIKE.contains(c)) {
                ascii.append('.');
                unseen.putIfAbsent(key(c), named(c) + " where a number has the decimal point '.' (U+002E)");
            } else if (!ascii7 && Character.isDigit(c)) {
                ascii.append((char) ('0' + Character.digit(c, 10)));
                unseen.putIfAbsent("digits of " + Character.UnicodeBlock.of(c), named(c)
                        + ", a digit of another script, where a number has the digits 0–9");
            } else if (GROUPING.contains(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
                (ascii7 ? conventions : unseen).putIfAbsent(key(c), named(c)
                        + " grouping the digits, which a number is written without");
            } else if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
                (ascii7 ? conventions : unseen).putIfAbsent(key(c), named(c)
                        + ", a currency sign: the column holds the amount alone");
            } else {
                ascii.appendCodePoint(c);
            }
        });
        String number = ascii.toString();
        if (number.length() > 2 && number.startsWith("(") && number.endsWith(")")) {
            conventions.put("parentheses", "parentheses around it, the accounting style for a negative amount, where a"
                    + " number has '-' before it");
            number = "-" + number.substring(1, number.length() - 1);
        }
        if (GROUPING_COMMAS.matcher(number).matches()) {
            conventions.put("grouping comma", "',' (U+002C COMMA) grouping the digits, which a number is written"
                    + " without");
            number = number.replace(",", "");
        }
        if (!unseen.isEmpty() && PackText.DECIMAL_COMMA.matcher(number).matches()) {
            conventions.put("comma", "',' as the decimal separator, where a number has '.'");
            number = number.replace(',', '.');
        }
        boolean aNumber = isNumber.test(number);
        Map<String, String> said = new LinkedHashMap<>(unseen);
        if (aNumber) {
            said.putAll(conventions);
        }
        if (said.isEmpty()) {
            return null;
        }
        List<String> named = new ArrayList<>(said.values());
        String words = String.join("; ", named.subList(0, Math.min(NAMED, named.size())))
                + (named.size() > NAMED ? String.format(Locale.ROOT, "; and %d more like these", named.size() - NAMED)
                        : "");
        return new Found(words, aNumber ? number : null);
    }

    private static String key(int c) {
        return Integer.toString(c);
    }

    /** The character quoted as a message shows it, with its code and Unicode name: '−' (U+2212 MINUS SIGN). */
    private static String named(int c) {
        String name = Character.getName(c);
        return String.format(Locale.ROOT, "'%s' (U+%04X%s)", RowProblems.shown(new String(Character.toChars(c))), c,
                name == null ? "" : " " + name);
    }
}
