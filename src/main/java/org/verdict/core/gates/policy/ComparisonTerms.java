package org.verdict.core.gates.policy;

import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonOptions.SettingOrigins;
import org.verdict.core.compare.PrimaryBand;

/**
 * What a comparison takes from the policy a pack runs under, so that Compare (the CLI and the app) and the gates show
 * the same numbers: the primary margin as the primary metric's band, the confidence level and the seed.
 *
 * @param defaultPolicy whether the pack names no policy file, so the default policy's values apply
 */
public record ComparisonTerms(PrimaryBand band, double confidenceLevel, long seed, boolean defaultPolicy) {

    /** {@code options} with every term of the policy. */
    public ComparisonOptions applyTo(ComparisonOptions options) {
        return options.withPrimaryBand(band).withLevelAndSeed(confidenceLevel, seed,
                new SettingOrigins(origin("confidenceLevel"), origin("seed")));
    }

    /** Where a policy key's value came from: "the policy's seed" or "the default policy's seed". */
    public String origin(String key) {
        return (defaultPolicy ? "the default policy's " : "the policy's ") + key;
    }
}
