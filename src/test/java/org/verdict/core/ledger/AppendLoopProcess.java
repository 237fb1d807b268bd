package org.verdict.core.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

/** Child process of {@link CrashAndConcurrencyTest}: appends records to a store until it is killed. */
public final class AppendLoopProcess {
    private AppendLoopProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        SignerKey key = KeyFile.read(Path.of(args[1])).unlock(Files.readString(Path.of(args[2])).toCharArray());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            for (int i = 0; ; i++) {
                log.append(LedgerFixtures.promotion(1, "append " + i + " from the child process"), key);
            }
        }
    }
}
