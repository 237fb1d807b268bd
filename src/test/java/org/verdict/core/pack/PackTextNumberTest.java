package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers read from a CSV buffer are exactly the doubles {@link Double#parseDouble} gives for the same text. */
class PackTextNumberTest {

    private static double fromBuffer(String text) {
        // the number sits inside a larger buffer, as in FastCSV's, with neighbours that are not part of it
        char[] buffer = ("9," + text + ",7").toCharArray();
        return PackText.number(buffer, 2, text.length());
    }

    @Test
    void everyWayAWriterPrintsADoubleReadsBackBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 5) {
                case 0 -> random.nextDouble();                                  // a probability, full precision
                case 1 -> Math.round(random.nextDouble() * 10_000) / 10_000.0;  // 4 decimals, as pipelines write
                case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30));
                case 3 -> Double.longBitsToDouble(random.nextLong(0x7FF0000000000000L)) % 1e100; // any finite
                default -> random.nextInt(-1_000_000, 1_000_000);
            };
            for (String text : new String[] {Double.toString(value), String.format(Locale.ROOT, "%.4f", value),
                    String.format(Locale.ROOT, "%.17g", value), String.format(Locale.ROOT, "%.3e", value)}) {
                assertEquals(Double.doubleToLongBits(Double.parseDouble(text)), Double.doubleToLongBits(fromBuffer(text)),
                        text);
            }
        }
    }

    @Test
    void hardCasesOfRoundingAndRangeReadAsJavaReadsThem() {
        for (String text : new String[] {"0", "-0", "+3", ".5", "5.", "2.2250738585072011e-308", "4.9e-324",
                "1e-400", "9007199254740993", "0.1000000000000000055511151231257827",
                "2.4703282292062327e-324", "1.00000000000000011102230246251565404236316680908203125",
                "123456789012345678901234567890", "1e100"}) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(text.strip())),
                    Double.doubleToLongBits(fromBuffer(text)), text);
        }
    }

    @Test
    void whatIsNotAPlainDecimalIsRefusedInWords() {
        assertEquals("'0x1p3' is not a number written in digits, such as 12, -0.5 or 1.5e-07",
                assertThrows(NumberFormatException.class, () -> fromBuffer("0x1p3")).getMessage());
        // a decimal comma, as a spreadsheet in much of Europe saves it, is named as such
        assertEquals("'0,55' is not a number written in digits, such as 12, -0.5 or 1.5e-07: the decimal separator is "
                + "a point ('0.55'), not a comma", assertThrows(NumberFormatException.class,
                        () -> fromBuffer("0,55")).getMessage());
        assertEquals("'1,2,3' is not a number written in digits, such as 12, -0.5 or 1.5e-07",
                assertThrows(NumberFormatException.class, () -> fromBuffer("1,2,3")).getMessage());
        assertEquals("' 0.25 ' has a space before and a space after it; write the number without whitespace around it",
                assertThrows(NumberFormatException.class, () -> fromBuffer(" 0.25 ")).getMessage());
        assertEquals("'\u00a0NaN' is not a finite number",
                assertThrows(NumberFormatException.class, () -> fromBuffer("\u00a0NaN")).getMessage());
        assertEquals("'NaN' is not a finite number",
                assertThrows(NumberFormatException.class, () -> fromBuffer("NaN")).getMessage());
        // an empty field is a missing value (pandas writes NaN so), not a number written wrongly
        assertEquals("has no value: the number is missing (pandas writes NaN, a missing value, as an empty field);"
                + " fill it in, or drop the row if the model gave no output for it",
                assertThrows(NumberFormatException.class, () -> fromBuffer("")).getMessage());
        assertEquals("'2e100' is beyond ±1e100, the largest magnitude a number may have",
                assertThrows(NumberFormatException.class, () -> fromBuffer("2e100")).getMessage());
    }

    private static String refusal(String text) {
        return assertThrows(NumberFormatException.class, () -> fromBuffer(text)).getMessage();
    }

    /**
     * A value that looks like a number on screen but holds another character than a number's (a spreadsheet's
     * minus sign, a dash, a digit of another script, a no-break space grouping thousands) is refused with that
     * character named by its code and Unicode name, and with the number to write instead.
     */
    @Test
    void aLookAlikeCharacterIsNamedWithItsCodeAndTheNumberToWrite() {
        String refused = "' is not a number written in digits, such as 12, -0.5 or 1.5e-07: it holds ";
        assertEquals("'\u221295.21" + refused
                + "'\u2212' (U+2212 MINUS SIGN) where a number has '-' (U+002D HYPHEN-MINUS); write '-95.21'",
                refusal("\u221295.21"));
        assertEquals("'\u201312" + refused + "'\u2013' (U+2013 EN DASH) where a number has '-' (U+002D HYPHEN-MINUS);"
                + " write '-12'", refusal("\u201312"));
        assertEquals("'\uFF0D3.5e\u22122" + refused + "'\uFF0D' (U+FF0D FULLWIDTH HYPHEN-MINUS) where a number has '-'"
                + " (U+002D HYPHEN-MINUS); '\u2212' (U+2212 MINUS SIGN) where a number has '-' (U+002D HYPHEN-MINUS);"
                + " write '-3.5e-2'", refusal("\uFF0D3.5e\u22122"));
        // an invisible grouping space is written as its code in the quoted value too
        assertEquals("'1\\u00A0234.5" + refused + "'\\u00A0' (U+00A0 NO-BREAK SPACE) grouping the digits, which a number"
                + " is written without; write '1234.5'", refusal("1\u00A0234.5"));
        assertEquals("'12\\u2009345" + refused + "'\\u2009' (U+2009 THIN SPACE) grouping the digits, which a number is"
                + " written without; write '12345'", refusal("12\u2009345"));
        assertEquals("'\u0669\u0665.\u0662" + refused + "'\u0669' (U+0669 ARABIC-INDIC DIGIT NINE), a digit of another"
                + " script, where a number has the digits 0–9; write '95.2'", refusal("\u0669\u0665.\u0662"));
        // a decimal comma beside a look-alike is said with it
        assertEquals("'\u221295,21" + refused + "'\u2212' (U+2212 MINUS SIGN) where a number has '-' (U+002D"
                + " HYPHEN-MINUS); ',' as the decimal separator, where a number has '.'; write '-95.21'",
                refusal("\u221295,21"));
        // the ASCII conventions of a written amount, where the value is a number without them
        assertEquals("'(10.98)" + refused + "parentheses around it, the accounting style for a negative amount, where"
                + " a number has '-' before it; write '-10.98'", refusal("(10.98)"));
        assertEquals("'$143.87" + refused + "'$' (U+0024 DOLLAR SIGN), a currency sign: the column holds the amount"
                + " alone; write '143.87'", refusal("$143.87"));
        // commas that can only group thousands, a currency sign or an ISO 4217 code beside the amount, as an
        // accounting export or pandas' formatted float writes them
        assertEquals("'1,826.55" + refused + "',' (U+002C COMMA) grouping the digits, which a number is written"
                + " without; write '1826.55'", refusal("1,826.55"));
        assertEquals("'2,896,924" + refused + "',' (U+002C COMMA) grouping the digits, which a number is written"
                + " without; write '2896924'", refusal("2,896,924"));
        assertEquals("'$2,141.33" + refused + "'$' (U+0024 DOLLAR SIGN), a currency sign: the column holds the amount"
                + " alone; ',' (U+002C COMMA) grouping the digits, which a number is written without; write '2141.33'",
                refusal("$2,141.33"));
        assertEquals("'(1,826.55)" + refused + "parentheses around it, the accounting style for a negative amount,"
                + " where a number has '-' before it; ',' (U+002C COMMA) grouping the digits, which a number is written"
                + " without; write '-1826.55'", refusal("(1,826.55)"));
        assertEquals("'1826.55 USD" + refused + "'USD', a currency code: the column holds the amount alone;"
                + " write '1826.55'", refusal("1826.55 USD"));
        assertEquals("'EUR -12.5" + refused + "'EUR', a currency code: the column holds the amount alone;"
                + " write '-12.5'", refusal("EUR -12.5"));
        // a lone comma before three digits may be a decimal comma as well: said as one, the reading it has alone
        assertEquals("'1,826' is not a number written in digits, such as 12, -0.5 or 1.5e-07: the decimal separator"
                + " is a point ('1.826'), not a comma", refusal("1,826"));
        // three capitals that are no currency are no currency code
        assertEquals("'12 ABC' is not a number written in digits, such as 12, -0.5 or 1.5e-07",
                refusal("12 ABC"));
        // ... and not where it is no number even without them: a space in words is no digit grouping
        assertEquals("'12 apples' is not a number written in digits, such as 12, -0.5 or 1.5e-07",
                refusal("12 apples"));
        // a look-alike in a value that is no number anyway is still named, with nothing to write instead
        assertEquals("'\u2212abc" + refused + "'\u2212' (U+2212 MINUS SIGN) where a number has '-' (U+002D"
                + " HYPHEN-MINUS)", refusal("\u2212abc"));
    }
}
