package org.verdict.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        CommandLine commandLine = new CommandLine(new VerdictCommand());
        commandLine.setExitCodeExceptionMapper(error -> ExitCodes.BAD_INPUT);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            commandLine.getErr().println(error.getMessage());
            error.getCommandLine().usage(commandLine.getErr());
            return ExitCodes.BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VerdictCommand.class.getPackage().getImplementationVersion();
            return new String[] {"verdict " + (version == null ? "development build" : version)};
        }
    }
}
