package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassNamesTest {
    @Test
    void aNameInHebrewOrArabicIsClosedByALeftToRightMarkOthersAreLeftAlone() {
        assertEquals("\u05DB\u05DC\u05DC\u05D9\u200E", ClassNames.beforeLeftToRight("\u05DB\u05DC\u05DC\u05D9"));
        assertEquals("\u0645\u0634\u0643\u0644\u0629 2\u200E", ClassNames.beforeLeftToRight("\u0645\u0634\u0643\u0644\u0629 2"));
        assertEquals("billing", ClassNames.beforeLeftToRight("billing"));
        assertEquals("請求に関する問い合わせ", ClassNames.beforeLeftToRight("請求に関する問い合わせ"));
    }
}
