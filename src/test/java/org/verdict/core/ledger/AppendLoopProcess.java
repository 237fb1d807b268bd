package org.verdict.core.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process of {@link CrashAndConcurrencyTest} and {@link ReadOnlyOpenAcrossProcessesTest}: appends records to a
 * store until it is killed; or, given a count, appends that many, says so on its output and holds the store open (a
 * live writer, between two appends) until its input is closed.
 */
public final class AppendLoopProcess {
    private AppendLoopProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        SignerKey key = KeyFile.read(Path.of(args[1])).unlock(Files.readString(Path.of(args[2])).toCharArray());
        int count = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            for (int i = 0; i < count; i++) {
                log.append(LedgerFixtures.promotion(1, "append " + i + " from the child process"), key);
            }
            System.out.println("appended " + count);
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
