package org.verdict.core.gates.suites;

/** One annotator's label for one example. */
public record Annotation(String exampleId, String annotator, String label) {
}
