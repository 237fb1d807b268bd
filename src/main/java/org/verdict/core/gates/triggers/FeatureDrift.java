package org.verdict.core.gates.triggers;

/**
 * Drift of one input feature (or of the predictions) between the reference and the current sample.
 *
 * @param test {@code ks} (numeric) or {@code chi-square} (categorical)
 * @param adjustedP p-value adjusted over every feature of the drift suite (Holm)
 * @param band {@code stable} (PSI below the moderate threshold), {@code moderate} or {@code major}
 * @param drifted major PSI, or moderate PSI with a significant adjusted test
 */
public record FeatureDrift(String feature, boolean numeric, int referenceN, int currentN, double psi, String band,
                           String test, double statistic, double pValue, double adjustedP, boolean drifted) {
}
