package org.verdict.core.gates.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.verdict.core.compare.PrimaryBand;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;

/**
 * Which policy a review runs under: a file (named as the user knows it, with its SHA-256 so the exact thresholds can
 * be told apart later) or, when the pack names none, the documented defaults.
 *
 * @param file the policy file to read, empty for the defaults
 * @param name the file as written in the manifest or on the command line
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record PolicySource(Optional<Path> file, String name, String sha256) {
    public static final PolicySource DEFAULTS = new PolicySource(Optional.empty(), null, null);

    /** The policy the manifest names ({@code policy}), or the defaults when it names none. */
    public static PolicySource of(ReviewPack pack) throws PackException {
        return of(pack.root(), pack.manifest());
    }

    /**
     * The policy {@code manifest} names, in the pack folder at {@code root} (for a .zip, the copy its pack was unpacked
     * into, which the returned file lies in until that pack is closed), or the defaults.
     */
    public static PolicySource of(Path root, PackManifest manifest) throws PackException {
        Optional<String> named = manifest.policyFile();
        if (named.isEmpty()) {
            return DEFAULTS;
        }
        Path file = PackFiles.open(root).resolve(named.get(), PackManifest.FILE_NAME, 0, 0);
        return new PolicySource(Optional.of(file), named.get(), hash(file, named.get()));
    }

    /** A policy file given on the command line instead of the pack's own. */
    public static PolicySource ofFile(Path file) throws PackException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new PackException(name, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        return new PolicySource(Optional.of(file), name, hash(file, name));
    }

    public GatePolicy read(PolicyReader reader) throws PackException {
        return file.isEmpty() ? GatePolicy.DEFAULTS : reader.read(file.get(), name);
    }

    /** The policy for {@code pack}, whose primary metric bounds its margins (see PolicyReader.requireMarginsWithin). */
    public GatePolicy readFor(ReviewPack pack, PolicyReader reader) throws PackException {
        GatePolicy policy = read(reader);
        requireMarginsFor(pack, policy, reader);
        return policy;
    }

    /**
     * What Compare takes from the policy the pack folder at {@code root} runs under (as {@link #of(Path, PackManifest)}),
     * which the gates judge with: the primary margin as the primary metric's band, the confidence level and the seed.
     * A policy that cannot be read is refused with its file, line and column, as {@code gate} refuses it.
     */
    public static ComparisonTerms comparisonTerms(Path root, PackManifest manifest, PolicyReader reader)
            throws PackException {
        PolicySource source = of(root, manifest);
        GatePolicy policy = source.read(reader);
        Metric primary = Metric.fromWireName(manifest.primaryMetric()).orElseThrow();
        if (source.file.isPresent()) {
            reader.requireMarginsWithin(policy, primary, source.file.get(), source.name);
        }
        boolean defaults = source.file.isEmpty();
        return new ComparisonTerms(PrimaryBand.ofPolicy(primary, policy.primary().margin(), defaults),
                policy.confidenceLevel(), policy.seed(), defaults);
    }

    /** Refuses a margin of {@code policy}, read from this source, that {@code pack}'s primary metric could not exceed. */
    public void requireMarginsFor(ReviewPack pack, GatePolicy policy, PolicyReader reader) throws PackException {
        Optional<Metric> primary = Metric.fromWireName(pack.manifest().primaryMetric());
        if (file.isPresent() && primary.isPresent()) {
            reader.requireMarginsWithin(policy, primary.get(), file.get(), name);
        }
    }

    /** One line for people: "policy.json (sha256 …)" or that the defaults apply. */
    public String describe() {
        return file.isEmpty() ? "none named in the manifest; every threshold is the default of docs/gates.md"
                : name + " (sha256 " + sha256 + ")";
    }

    private static String hash(Path file, String name) throws PackException {
        try {
            return Hashes.sha256Hex(file);
        } catch (IOException e) {
            throw new PackException(name, "cannot be read: " + e.getMessage());
        }
    }
}
