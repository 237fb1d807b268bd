package org.verdict.core.pack;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unit of a regression pack's target, as the manifest gives it in {@code model.targetUnit} ("USD", "kg", "min"),
 * and how it is written beside a number in the target's units (mae, rmse, their intervals and Δ; never beside r2,
 * mape or a ratio). One rule, applied by {@code MetricFormat} on every surface:
 * <ul>
 *   <li>an ISO 4217 currency code, in capitals, goes before the number: USD, EUR, GBP and JPY as their sign
 *       ({@code $73,700}, {@code −€1,561}), every other code as itself and a no-break space ({@code CHF 73,700});</li>
 *   <li>a currency sign on its own ("$", "€", "₹") goes before the number as written ({@code ₹73,700});</li>
 *   <li>any other text goes after the number, after a no-break space ({@code 73.20 kg}, {@code +12.50 min}).</li>
 * </ul>
 * The sign of a difference stays in front ({@code −$3,267}, {@code +$13,679}). The space is a no-break space so a
 * wrapping table cell never parts a number from its unit.
 *
 * @param text the unit as the manifest writes it; empty for {@link #NONE}
 * @param prefix written before the digits, after the sign: {@code "$"}, {@code "CHF "}, or empty
 * @param suffix written after the digits: {@code " kg"}, or empty
 */
public record TargetUnit(String text, String prefix, String suffix) {
    /** A pack that names no unit: numbers are written bare. */
    public static final TargetUnit NONE = new TargetUnit("", "", "");

    /** The longest unit taken, in characters: it is written beside every number in the target's units. */
    public static final int MOST_CHARACTERS = 12;

    private static final char NO_BREAK_SPACE = '\u00A0';
    /** The currencies written with their sign: each sign, in a review of this currency, names no other. */
    private static final Map<String, String> CURRENCY_SIGNS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥");

    /**
     * The unit of {@code text}, checked (see {@link #problem}).
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static TargetUnit of(String text) {
        problem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (isCurrencyCode(text)) {
            String sign = CURRENCY_SIGNS.get(text);
            return new TargetUnit(text, sign != null ? sign : text + NO_BREAK_SPACE, "");
        }
        if (text.codePointCount(0, text.length()) == 1 && Character.getType(text.codePointAt(0))
                == Character.CURRENCY_SYMBOL) {
            return new TargetUnit(text, text, "");
        }
        return new TargetUnit(text, "", NO_BREAK_SPACE + text);
    }

    /**
     * What is wrong with {@code text} as a unit, said after the key that holds it ("is 27 characters; …"), or empty.
     * A unit is short (at most {@link #MOST_CHARACTERS} characters), has no whitespace around it and no control
     * character (it would print over two lines, or pad a column), and none of {@code [ ] ,}, which would read as part
     * of an interval ({@code $54,078 [$52,599, $55,536]}).
     */
    public static Optional<String> problem(String text) {
        String example = " (a unit is written beside every number in the target's units; e.g. \"USD\", \"kg\", \"min\")";
        if (text.isBlank()) {
            return Optional.of("is empty; name the target's unit, or leave the key out" + example);
        }
        int characters = text.codePointCount(0, text.length());
        if (characters > MOST_CHARACTERS) {
            return Optional.of("'" + text + "' is " + characters + " characters; a unit may have at most "
                    + MOST_CHARACTERS + example);
        }
        if (Character.isWhitespace(text.codePointAt(0)) || Character.isSpaceChar(text.codePointAt(0))
                || Character.isWhitespace(text.codePointBefore(text.length()))
                || Character.isSpaceChar(text.codePointBefore(text.length()))) {
            return Optional.of("'" + text + "' has whitespace around it; write the unit without it");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("holds a control character (a line break, a tab); write the unit on one line");
        }
        for (char refused : new char[] {'[', ']', ','}) {
            if (text.indexOf(refused) >= 0) {
                return Optional.of("'" + text + "' holds '" + refused + "', which would read as part of an interval "
                        + "such as [52,599, 55,536]; write the unit without it");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} is an ISO 4217 currency code (three capitals the code list knows: USD, EUR, CHF, …). */
    private static boolean isCurrencyCode(String text) {
        return text.matches("[A-Z]{3}") && CurrencyCodes.ALL.contains(text);
    }

    /**
     * ISO 4217's codes, made when a manifest first names a unit: every command makes {@link #NONE}, and the runtime's
     * whole currency list cost the main thread of a fresh process about 10 ms of CPU.
     */
    private static final class CurrencyCodes {
        static final Set<String> ALL = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isNone() {
        return text.isEmpty();
    }

    /** The unit as the manifest writes it, or empty for a pack that names none. */
    public Optional<String> written() {
        return isNone() ? Optional.empty() : Optional.of(text);
    }

    /** The unit as a number carries it, without the number: {@code $}, {@code CHF}, {@code kg}; empty for none. */
    public String shortForm() {
        // the no-break space that keeps a unit on its number's line is not whitespace to strip()
        return (prefix + suffix).replace(NO_BREAK_SPACE, ' ').strip();
    }

    /**
     * {@code digits} of a number with its sign in front ({@code "−"}, {@code "+"} or none) and this unit beside them:
     * {@code −$3,267}, {@code +12.50 min}.
     */
    public String beside(String sign, String digits) {
        return sign + prefix + digits + suffix;
    }
}
