package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCodesTest {

    @Test
    void findsEveryValuePutByItsCharactersAndNothingElse() {
        TextCodes codes = new TextCodes();
        for (int i = 0; i < 5_000; i++) {
            codes.put("level-" + i, i);
        }
        assertEquals(5_000, codes.size());
        for (int i = 0; i < 5_000; i++) {
            char[] buffer = ("x,level-" + i + ",y").toCharArray();
            assertEquals(i, codes.get(buffer, 2, buffer.length - 4));
        }
        char[] other = "level-5000level-1".toCharArray();
        assertEquals(-1, codes.get(other, 0, 10), "level-5000 was never put");
        assertEquals(1, codes.get(other, 10, 7));
        assertEquals(-1, codes.get(other, 0, 0), "the empty value was never put");
        // "Aa" and "BB" share String.hashCode: both stay distinct
        codes.put("Aa", 9_001);
        codes.put("BB", 9_002);
        assertEquals(9_001, codes.get("Aa".toCharArray(), 0, 2));
        assertEquals(9_002, codes.get("BB".toCharArray(), 0, 2));
    }
}
