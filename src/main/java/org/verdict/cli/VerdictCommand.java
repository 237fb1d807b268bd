package org.verdict.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.LastingChange;
import org.verdict.cli.log.LedgerCommand;
import org.verdict.cli.terminal.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** The root of the command line: {@code java -jar verdict.jar <command> ...}. */
@Command(name = "verdict",
        mixinStandardHelpOptions = true,
        versionProvider = VerdictCommand.Version.class,
        description = {"Weigh a retrained candidate model against production and sign the decision.",
            "Without a command, verdict opens the desktop app; verdict PACK (a pack folder or .zip) opens the app on"
                    + " that pack (after it only " + AppStart.OPTIONS + ").",
            "Exit codes: 0 ok, 1 a check did not pass, " + ExitCodes.REFUSALS},
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

    /**
     * Runs the command line and returns its exit code (0 ok, 1 a check failed, 2 bad input or output that could not
     * be written, 141 standard output closed by its reader).
     */
    public static int execute(String... args) {
        if (namedCommand(args) != null) {
            warmJsonUp();
        }
        // standard output below System.out, which would swallow a failed write and its reason
        return execute(new FileOutputStream(FileDescriptor.out), System.err, args);
    }

    /** Runs the command line writing bytes to {@code out} and {@code err} in the console's encodings. */
    static int execute(OutputStream out, OutputStream err, String... args) {
        return execute(tree(args), StandardOutput.over(out, consoleCharset("sun.stdout.encoding")),
                new OutputStreamWriter(err, consoleCharset("sun.stderr.encoding")), args);
    }

    /**
     * Runs the command line writing to {@code out} and {@code err}, flushed before the exit code is returned: the
     * launcher exits right after, and text printed without a line end (a checkpoint's JSON) would stay in the buffer.
     */
    static int execute(Writer out, Writer err, String... args) {
        return execute(tree(args), StandardOutput.over(out), err, args);
    }

    /**
     * The one place every command's exit code passes: a result that did not all reach standard output (a full disk)
     * is an error whatever the command returned, since what a script would read is missing or cut; one whose reader
     * closed the pipe ends quietly with {@link ExitCodes#OUTPUT_CLOSED}. Either way a change the command made to the
     * decision log stays, and when only its confirmation was lost the message says what was changed.
     */
    private static int execute(CommandLine tree, StandardOutput out, Writer err, String... args) {
        CommandLine commandLine = configured(tree, out, err);
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
        Optional<String> failure = out.failure();
        // a command that failed after its change has already said so beside its error
        Optional<LastingChange> change = exitCode == ExitCodes.OK ? lastingChange(commandLine) : Optional.empty();
        if (failure.isPresent() && change.isPresent()) {
            // "record #3 … was appended; only its confirmation could not be printed": not a refusal, not to be redone
            ErrorLine.print(commandLine.getErr(), change.get().unconfirmed(failure.get()));
        }
        if (out.closedByReader()) {
            // `verdict compare PACK | head -3`: the reader has what it wanted; quiet, as a filter killed by SIGPIPE
            return ExitCodes.OUTPUT_CLOSED;
        }
        if (failure.isPresent()) {
            if (change.isEmpty()) {
                // what the command did is done (a file written): say so, lest a script run it twice
                ErrorLine.print(commandLine.getErr(), failure.get() + (exitCode == ExitCodes.OK
                        ? "; the command itself ran to the end, only what it printed is missing or cut"
                        : "; the command itself ended with exit code " + exitCode));
            }
            return ExitCodes.BAD_INPUT;
        }
        return exitCode;
    }

    /** What the command that ran changed in the decision log (a record appended), if it changed anything. */
    private static Optional<LastingChange> lastingChange(CommandLine commandLine) {
        CommandLine.ParseResult ran = commandLine.getParseResult();
        while (ran != null && ran.hasSubcommand()) {
            ran = ran.subcommand();
        }
        return ran != null && ran.commandSpec().userObject() instanceof LedgerCommand command
                ? command.lastingChange() : Optional.empty();
    }

    /** The encoding picocli itself would print in: the JVM's console property, else the default. */
    private static Charset consoleCharset(String property) {
        String name = System.getProperty(property);
        if (name == null) {
            return Charset.defaultCharset();
        }
        try {
            return Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
        } catch (IllegalArgumentException unsupported) {
            return Charset.defaultCharset();
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

    /**
     * Whether {@code args} is one existing pack folder or .zip and no command, followed by nothing but the limits the
     * app takes ({@link AppStart}): {@code verdict PACK} opens the app on that pack. A folder named like a command is
     * that command ({@code ./compare} opens it).
     */
    public static boolean opensPackInApp(String... args) {
        return AppStart.of(args).isPresent();
    }

    /** Whether {@code word} is an existing pack folder or .zip, and neither an option nor a command's name. */
    static boolean isPackNotCommand(String word) {
        if (word.startsWith("-") || isCommandName(word)) {
            return false;
        }
        try {
            Path path = Path.of(word);
            return Files.isDirectory(path) || Files.isRegularFile(path)
                    && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private static boolean isCommandName(String word) {
        return Arrays.stream(ROOT.subcommands()).anyMatch(command -> command.getAnnotation(Command.class).name()
                .equals(word));
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
        commandLine.setExecutionStrategy(parsed -> {
            refuseUnmatchedBesideHelp(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            if (error instanceof UnmatchedArgumentException unmatched && error.getCommandLine() == commandLine) {
                // no command matched: one line and the way on, not the whole usage ({@code verdict PACK} when the
                // pack is not there, or a mistyped command)
                String word = unmatched.getUnmatched().get(0);
                if (isPackNotCommand(word)) {
                    // the pack is there: what follows it is what the app does not take
                    commandLine.getErr().println(ErrorLine.PREFIX + "the app opens '" + word + "' with verdict PACK"
                            + " and takes after it only " + AppStart.OPTIONS + " (each a whole number of at least 1),"
                            + " not " + String.join(" ", unmatched.getUnmatched().subList(1,
                            unmatched.getUnmatched().size())));
                    commandLine.getErr().println("To open it in the app: verdict PACK --max-slice-values 5000; to"
                            + " compare it on the command line: verdict compare PACK …; commands: verdict --help");
                    return ExitCodes.BAD_INPUT;
                }
                commandLine.getErr().println(ErrorLine.PREFIX + "'" + word + "' is neither a command nor an existing "
                        + "pack folder or .zip");
                if (!word.contains("/") && !word.contains(File.separator)) {
                    // a mistyped command gets picocli's "Did you mean"; a path would get unrelated command names
                    UnmatchedArgumentException.printSuggestions(unmatched, commandLine.getErr());
                }
                commandLine.getErr().println("To open a pack in the app: verdict PACK; commands: verdict --help");
                return ExitCodes.BAD_INPUT;
            }
            // one message, then where the options are described: the whole usage would bury the message
            commandLine.getErr().println(ErrorLine.PREFIX + messageOf(error));
            if (error instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
                UnmatchedArgumentException.printSuggestions(unmatched, commandLine.getErr());
            }
            commandLine.getErr().println("Options: " + error.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help");
            return ExitCodes.BAD_INPUT;
        });
        return commandLine;
    }

    /**
     * A word no command takes, beside --help or --version ({@code verdict audit --help}): picocli prints the help of
     * the command before it and exits 0, as if the word were a command. It is refused as it is without --help.
     */
    private static void refuseUnmatchedBesideHelp(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
    }

    /**
     * picocli's message, but an unknown option alone: after {@code compare --bogus x PACK} picocli takes {@code x} for
     * the pack and lists the real pack among the "Unknown options" too, which sends the user after the wrong word.
     */
    private static String messageOf(CommandLine.ParameterException error) {
        CommandSpec command = error.getCommandLine().getCommandSpec();
        if (error instanceof UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream()
                    .filter(word -> word.startsWith("-") && word.length() > 1).toList();
            if (!options.isEmpty()) {
                return (options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                        + String.join(", ", options.stream().map(option -> "'" + option + "'").toList());
            }
            // picocli says "Unmatched argument at index 2: 'extra'": name the word and what the command takes
            String word = unmatched.getUnmatched().get(0);
            if (!command.subcommands().isEmpty()) {
                return "'" + word + "' is not a command of " + command.qualifiedName() + "; its commands: "
                        + String.join(", ", command.subcommands().values().stream().map(CommandLine::getCommandSpec)
                        .distinct().map(sub -> sub.name() + " (" + firstLine(sub) + ")").toList());
            }
            return "'" + word + "' is not an argument " + command.qualifiedName() + " takes: it takes "
                    + takes(command) + logGivenAsOption(unmatched.getCommandLine(), word);
        }
        if (error instanceof CommandLine.MissingParameterException missing) {
            Optional<String> stray = strayValue(missing);
            if (stray.isPresent()) {
                return stray.get();
            }
        }
        return error.getMessage();
    }

    /**
     * {@code log verify decisions.db}: the file meant for the one required option missing was taken as an argument the
     * command does not take, and picocli names only the option ("Missing required option: '--db=DB'").
     */
    private static Optional<String> strayValue(CommandLine.MissingParameterException missing) {
        List<String> unmatched = missing.getCommandLine().getUnmatchedArguments();
        if (missing.getMissing().size() != 1 || !(missing.getMissing().get(0) instanceof OptionSpec option)
                || option.arity().max() < 1 || unmatched.size() != 1 || unmatched.get(0).startsWith("-")) {
            return Optional.empty();
        }
        String command = missing.getCommandLine().getCommandSpec().qualifiedName();
        return Optional.of("'" + unmatched.get(0) + "' was taken as an argument " + command + " does not take, and"
                + " it needs " + option.longestName() + " " + option.paramLabel() + ": give it as "
                + option.longestName() + " " + unmatched.get(0) + " (" + command + " " + option.longestName() + " "
                + unmatched.get(0) + ")");
    }

    /**
     * {@code log verify decisions.db}, where --db may be left out (the app's log is read then): the file was meant for
     * it, as where --db is required ({@link #strayValue}).
     */
    private static String logGivenAsOption(CommandLine commandLine, String word) {
        CommandSpec command = commandLine.getCommandSpec();
        CommandLine.ParseResult given = commandLine.getParseResult();
        return command.findOption("--db") == null || given != null && given.hasMatchedOption("--db") ? ""
                : "; a log is given as --db " + word + " (" + command.qualifiedName() + " --db " + word + ")";
    }

    /** What a command takes besides its options ("PACK and options"), named as its usage names it. */
    private static String takes(CommandSpec command) {
        List<String> arguments = command.positionalParameters().stream().map(PositionalParamSpec::paramLabel).toList();
        return arguments.isEmpty() ? "options only" : "only " + String.join(" ", arguments) + " and options";
    }

    private static String firstLine(CommandSpec command) {
        String[] description = command.usageMessage().description();
        return description.length == 0 ? "" : description[0].replaceAll("\\.$", "");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VerdictCommand.class.getPackage().getImplementationVersion();
            return new String[] {"verdict " + (version == null ? "development build" : version)};
        }
    }
}
