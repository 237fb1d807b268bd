package org.verdict.cli;

import java.io.Writer;
import org.verdict.cli.exit.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The root of the command line: {@code java -jar verdict.jar <command> ...}. */
@Command(name = "verdict",
        mixinStandardHelpOptions = true,
        versionProvider = VerdictCommand.Version.class,
        description = "Weigh a retrained candidate model against production and sign the decision.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                CompareCommand.class,
                SummarizeCommand.class,
                GateCommand.class,
                ReportCommand.class,
                KeyCommand.class,
                LogCommand.class,
        })
public final class VerdictCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code (0 ok, 1 a check failed, 2 bad input). */
    public static int execute(String... args) {
        // one command tree, writing to picocli's own standard output and error: building a second tree (every
        // command's annotations, by reflection) cost a fresh process 20 - 60 ms of CPU
        CommandLine commandLine = new CommandLine(new VerdictCommand());
        return configure(commandLine, commandLine.getOut(), commandLine.getErr()).execute(args);
    }

    /**
     * The command line writing to {@code out} and {@code err}, both escaped ({@link TerminalText}): text from a pack
     * or from the user never reaches the terminal as control characters.
     */
    static CommandLine commandLine(Writer out, Writer err) {
        return configure(new CommandLine(new VerdictCommand()), out, err);
    }

    private static CommandLine configure(CommandLine commandLine, Writer out, Writer err) {
        commandLine.setOut(TerminalText.escaping(out));
        commandLine.setErr(TerminalText.escaping(err));
        commandLine.setExitCodeExceptionMapper(error -> ExitCodes.BAD_INPUT);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            commandLine.getErr().println(error.getMessage());
            error.getCommandLine().usage(commandLine.getErr());
            return ExitCodes.BAD_INPUT;
        });
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VerdictCommand.class.getPackage().getImplementationVersion();
            return new String[] {"verdict " + (version == null ? "development build" : version)};
        }
    }
}
