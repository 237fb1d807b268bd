import java.nio.file.Files;
import java.nio.file.Path;
import org.verdict.cli.VerdictCommand;

/**
 * Appends retraining records FROM to TO (exclusive) to a decision log in one JVM (a process per append costs seconds of start-up each), as
 * bench/log-benchmark.sh needs: every fifth signed by a second signer, as in a board's log. Run as a source file on
 * the jar's class path: java -cp target/verdict.jar bench/AppendRecords.java DB KEYDIR PASSFILE FROM TO
 */
public final class AppendRecords {
    public static void main(String[] args) throws Exception {
        String db = args[0];
        Path keys = Path.of(args[1]);
        String passphrase = args[2];
        int from = Integer.parseInt(args[3]);
        int to = Integer.parseInt(args[4]);
        Path record = Files.createTempFile("verdict-bench-record", ".json");
        try {
            for (int i = from; i < to; i++) {
                String approver = i % 5 == 4 ? "Second Signer" : "First Signer";
                Files.writeString(record, """
                        {"kind": "retraining", "model": "model-%03d", "decisionDate": "2026-01-%02d",
                         "decision": "retrain", "rationale": "Record %d: drift in segment %d.",
                         "dataSnapshot": "snap-%04d",
                         "triggers": [{"trigger": "metric decay", "fired": true, "evidence": "-1.0 %%"}],
                         "approver": "%s",
                         "evidence": {"pack": "%064x", "files": {"manifest.json": "%064x", "primary.csv": "%064x"}}}
                        """.formatted(i, 1 + i % 28, i, i % 7, i, approver, i, i + 1, i + 2));
                String key = keys.resolve(i % 5 == 4 ? "second-signer.key.json" : "first-signer.key.json").toString();
                int status = VerdictCommand.execute("log", "append", "--db", db, "--key", key,
                        "--passphrase-file", passphrase, "--record", record.toString());
                if (status != 0) {
                    throw new IllegalStateException("append " + i + " ended with exit code " + status);
                }
            }
        } finally {
            Files.deleteIfExists(record);
        }
    }
}
