package org.verdict.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.terminal.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
    private static final Command ROOT = VerdictCommand.class.getAnnotation(Command.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code (0 ok, 1 a check failed, 2 bad input). */
    public static int execute(String... args) {
        if (namedCommand(args) != null) {
            warmJsonUp();
        }
        // one command tree, writing to picocli's own standard output and error
        CommandLine standard = tree(args);
        return execute(standard, standard.getOut(), standard.getErr(), args);
    }

    /**
     * Runs the command line writing to {@code out} and {@code err}, flushed before the exit code is returned: the
     * launcher exits right after, and text printed without a line end (a checkpoint's JSON) would stay in the buffer.
     */
    static int execute(Writer out, Writer err, String... args) {
        return execute(tree(args), out, err, args);
    }

    private static int execute(CommandLine tree, Writer out, Writer err, String... args) {
        CommandLine commandLine = configured(tree, out, err);
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /**
     * The command line for {@code args} writing to {@code out} and {@code err}, both escaped ({@link TerminalText}):
     * text from a pack or from the user never reaches the terminal as control characters. When the first argument
     * names a command (other than help), the root holds that command alone. Building every command's model (their
     * annotations, by reflection) took 0.13 s of CPU at the start of every process, one command's about half; that
     * command parses, helps, versions and refuses exactly as in the whole tree, whose other commands it never reaches.
     */
    static CommandLine commandLine(Writer out, Writer err, String... args) {
        return configured(tree(args), out, err);
    }

    private static CommandLine tree(String... args) {
        Class<?> named = namedCommand(args);
        if (named == null) {
            return new CommandLine(new VerdictCommand());
        }
        CommandSpec alone = CommandSpec.create().name(ROOT.name()).versionProvider(new Version());
        CommandLine commandLine = new CommandLine(alone);
        commandLine.addSubcommand(named.getAnnotation(Command.class).name(), newCommand(named));
        return commandLine;
    }

    /** The command the first argument names (help excepted), or null. */
    private static Class<?> namedCommand(String... args) {
        if (args.length > 0) {
            for (Class<?> command : ROOT.subcommands()) {
                if (command.getAnnotation(Command.class).name().equals(args[0])
                        && command != CommandLine.HelpCommand.class) {
                    return command;
                }
            }
        }
        return null;
    }

    /**
     * Loads and initialises Jackson on a thread of its own while picocli builds the command on this one: every command
     * reads a manifest or writes JSON, and a fresh JVM's first ObjectMapper cost the main thread about 25 ms of CPU
     * before a pack's rows were read, while the second core idles at start-up.
     */
    private static void warmJsonUp() {
        Thread warmUp = new Thread(() -> {
            try {
                ObjectMapper mapper = new ObjectMapper();
                mapper.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(mapper.readTree("{\"a\": [1.5, \"b\", true]}"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a constant document always reads and writes", e);
            }
        }, "verdict-json-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static Object newCommand(Class<?> command) {
        try {
            return command.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the command " + command.getName(), e);
        }
    }

    private static CommandLine configured(CommandLine commandLine, Writer out, Writer err) {
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
