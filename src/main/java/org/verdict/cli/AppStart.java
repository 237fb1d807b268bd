package org.verdict.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.verdict.cli.options.PackLimitOptions;
import org.verdict.core.pack.PackLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code verdict PACK [--max-slice-values N] [--max-slices N] [--max-suite-rows N]}: the app opened on a pack, with
 * the limits a pack of many real groupings needs raised as the commands raise them (docs/pack-format.md, "Limits").
 */
@Command(name = "verdict")
public final class AppStart {
    /** What the app opens, and within which limits. */
    public record Opening(Path pack, PackLimits limits) {
    }

    /** The options the app takes after the pack, for messages. */
    public static final String OPTIONS = "--max-slice-values N, --max-slices N, --max-suite-rows N";

    @Parameters(index = "0", arity = "1")
    String pack;

    @Mixin
    PackLimitOptions limits;

    private AppStart() {
    }

    /**
     * The pack and limits when {@code args} are an existing pack folder or .zip followed by nothing but the limit
     * options; empty for anything else (a command, an option first, another option, a limit below 1).
     */
    public static Optional<Opening> of(String... args) {
        if (args.length == 0 || !VerdictCommand.isPackNotCommand(args[0])) {
            return Optional.empty();
        }
        AppStart parsed = new AppStart();
        try {
            new CommandLine(parsed).parseArgs(args);
            return Optional.of(new Opening(Path.of(parsed.pack), parsed.limits.limits()));
        } catch (CommandLine.ParameterException | IllegalArgumentException notAnOpening) {
            return Optional.empty();
        }
    }
}
