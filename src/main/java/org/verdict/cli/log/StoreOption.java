package org.verdict.cli.log;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db}: the decision log's SQLite file. */
public final class StoreOption {
    @Option(names = "--db", required = true, paramLabel = "DB", description = "The decision log (SQLite file).")
    Path db;
}
