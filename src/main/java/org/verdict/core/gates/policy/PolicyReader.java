package org.verdict.core.gates.policy;

import java.nio.file.Path;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.StrictJson;

/**
 * Reads {@code policy.json}; a missing key takes its default, a wrong one is refused with its line and column.
 * Strict as every JSON file of a pack: unknown or duplicate keys, fractions where a whole number is meant and numbers
 * written as text are refused. The keys are exactly the components of {@link GatePolicy} and its parts.
 */
public final class PolicyReader {
    /** @param displayName how the file is named in errors (e.g. its path relative to the pack) */
    public GatePolicy read(Path file, String displayName) throws PackException {
        return StrictJson.read(file, displayName, GatePolicy.class);
    }
}
