package org.verdict.core.evidence;

/** The meaning a table cell carries beyond its text; writers turn it into colour and weight, never colour alone. */
public enum Tone {
    PLAIN, BETTER, WORSE, NO_DIFFERENCE, PASS, FAIL, INSUFFICIENT
}
