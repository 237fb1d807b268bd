package org.verdict.core.evidence;

import java.text.Bidi;

/** A class name as report text writes it beside other words. */
final class ClassNames {
    /** Left-to-right mark: a strong left-to-right character that draws nothing. */
    private static final char LEFT_TO_RIGHT_MARK = '\u200E';

    private ClassNames() {
    }

    /**
     * {@code name} to be followed by left-to-right text such as ": 973". A name with Hebrew or Arabic in it is followed
     * by a left-to-right mark: without it the bidirectional algorithm, in a browser as in the PDF, counted the colon and
     * the number as part of the right-to-left name and printed "973 :כללי". Other names are left as they are.
     */
    static String beforeLeftToRight(String name) {
        return Bidi.requiresBidi(name.toCharArray(), 0, name.length()) ? name + LEFT_TO_RIGHT_MARK : name;
    }
}
