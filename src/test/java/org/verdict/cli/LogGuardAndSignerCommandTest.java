package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.ledger.TamperedStore;

/**
 * What a log rewritten by something other than Verdict looks like on the command line: a log whose append-only guard
 * was dropped takes no write and is never "intact", a second key under a signer's name is reported by default, an
 * altered record's content is marked, a damaged file fails the check, and a record cannot be dated after it is signed.
 */
class LogGuardAndSignerCommandTest {
    @TempDir
    Path dir;
    private Path db;
    private BoardCommandLine cli;
    private Path passphrase;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void keysAndRecord() throws Exception {
        db = dir.resolve("decisions.db");
        cli = new BoardCommandLine(dir);
        passphrase = cli.passphrase;
        out = cli.out;
        err = cli.err;
        Files.writeString(dir.resolve("record.json"), LogCommandTest.RECORD);
    }

    /**
     * The reviewer's attack: drop the triggers, delete the newest record with its signatures and checkpoint, append a
     * forged one. The append is refused, the guard is not put back in passing, and the file does not change; once the
     * log is shown to extend a kept checkpoint, restore-guard puts the guard back and appends work again.
     */
    @Test
    void aLogWhoseGuardWasDroppedTakesNoAppendUntilItIsCheckedAgainstAKeptCheckpoint() throws Exception {
        append();
        append();
        Path kept = dir.resolve("kept.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()), err.toString());
        append();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String trigger : triggers(s)) {
                s.execute("DROP TRIGGER " + trigger);
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 3");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 3");
            s.executeUpdate("DELETE FROM records WHERE seq = 3");
        }
        byte[] before = Files.readAllBytes(db);

        err.getBuffer().setLength(0);
        assertEquals(1, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        String refused = err.toString();
        assertTrue(refused.startsWith("error: the append-only guard of the decision log " + db + " was changed by"
                + " something other than Verdict (24 guard triggers dropped), so nothing was appended"), refused);
        assertTrue(refused.contains("`verdict log verify --db " + db + " --checkpoint FILE`"), refused);
        assertArrayEquals(before, Files.readAllBytes(db), "the refused append changed the file");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            assertEquals(List.of(), triggers(s), "the guard was put back in passing");
        }

        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().startsWith("SUSPECT: 24 guard triggers dropped — cannot tell whether records were removed"),
                out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("restore-guard", "--db", db.toString(), "--checkpoint", kept.toString()), err.toString());
        assertTrue(out.toString().startsWith("restored the append-only guard of " + db + " (24 triggers: "),
                out.toString());
        assertEquals(0, cli.log("verify", "--db", db.toString()), out.toString());
        append();
    }

    @Test
    void restoreGuardRefusesALogThatDoesNotExtendTheKeptCheckpoint() throws Exception {
        append();
        append();
        Path kept = dir.resolve("kept.json");
        assertEquals(0, cli.log("checkpoint", "--db", db.toString(), "--out", kept.toString()), err.toString());
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String trigger : triggers(s)) {
                s.execute("DROP TRIGGER " + trigger);
            }
            s.executeUpdate("DELETE FROM checkpoints WHERE tree_size = 2");
            s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
            s.executeUpdate("DELETE FROM records WHERE seq = 2");
        }
        assertEquals(1, cli.log("restore-guard", "--db", db.toString(), "--checkpoint", kept.toString()));
        assertTrue(err.toString().contains("so its guard was not restored"), err.toString());
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            assertEquals(List.of(), triggers(s));
        }
    }

    /** A second key under Ada's name and role: whole, but never a plain "intact" or a column of ✔ by default. */
    @Test
    void aSecondKeyUnderASignersNameAndRoleIsPolicyNotMetByDefault() throws Exception {
        append();
        Path other = dir.resolve("other");
        assertEquals(0, cli.key("new", "--name", "Ada Lovelace", "--role", "ml-lead", "--out", other.toString(),
                "--passphrase-file", passphrase.toString()), err.toString());
        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", other.resolve("ada-lovelace.key.json").toString(), "--passphrase-file",
                passphrase.toString()), err.toString());

        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        String verified = out.toString();
        assertTrue(verified.startsWith("POLICY NOT MET: "), verified);
        assertTrue(verified.contains("registers Ada Lovelace (ml-lead, ") && verified.contains(") as a second key under"
                + " the name and role of Ada Lovelace (ml-lead, key "), verified);
        // an organisation that does not endorse still hears of the second key
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString(), "--allow-unendorsed"));
        assertTrue(out.toString().contains("as a second key under the name and role"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString()));
        List<String> lines = out.toString().lines().filter(line -> !line.startsWith("     ↳ ")).toList();
        assertTrue(lines.get(1).contains("✔ verified"), out.toString());
        assertTrue(lines.get(2).contains("⚠ policy not met"), out.toString());

        assertEquals(2, cli.log("verify", "--db", db.toString(), "--allow-unendorsed", "--require-endorsement"));
        assertTrue(err.toString().contains("contradict each other"), err.toString());
    }

    /** What an altered record says is printed, but never as a statement of the board's. */
    @Test
    void theContentOfAnAlteredRecordIsMarkedNotTrusted() throws Exception {
        // held over a failing gate; the edit makes it a promote over that gate
        Files.writeString(dir.resolve("record.json"), LogCommandTest.RECORD.replace("\"decision\": \"promote\"",
                "\"decision\": \"hold\"").replace("\"result\": \"pass\"", "\"result\": \"fail\""));
        append();
        TamperedStore.changeRecord(db, 1, "\"decision\" : \"hold\"", "\"decision\" : \"promote\"");
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()));
        assertTrue(out.toString().contains("#1 (") && out.toString().contains(") (content not trusted: record altered"
                + " after signing) promoted over blocked gates"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, cli.log("list", "--db", db.toString()));
        assertTrue(out.toString().lines().toList().get(1).contains("promoted over blocked gates (content not trusted:"
                + " record altered after signing)"), out.toString());
    }

    /** A log file cut short fails the check (exit 1, naming the file); it is not bad input. */
    @Test
    void aDamagedLogFileDoesNotVerify() throws Exception {
        append();
        append();
        long size = Files.size(db);
        try (FileChannel file = FileChannel.open(db, StandardOpenOption.WRITE)) {
            file.truncate(size / 2);
        }
        out.getBuffer().setLength(0);
        assertEquals(1, cli.log("verify", "--db", db.toString()), err.toString());
        assertTrue(out.toString().startsWith("DAMAGED: " + db + " is a damaged SQLite database"), out.toString());
    }

    /** A decision dated after it is signed is refused at the field, in the file's words. */
    @Test
    void aRecordDatedAfterItIsSignedIsRefusedAtItsField() throws Exception {
        String late = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        Path record = dir.resolve("late.json");
        Files.writeString(record, LogCommandTest.RECORD.replace("\"decisionDate\": \"2026-11-20\"",
                "\"decisionDate\": \"" + late + "\""));
        int line = LogCommandTest.RECORD.lines().toList().indexOf(LogCommandTest.RECORD.lines()
                .filter(l -> l.contains("decisionDate")).findFirst().orElseThrow()) + 1;
        assertEquals(2, cli.log("append", "--db", db.toString(), "--record", record.toString(), "--key",
                cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()));
        assertTrue(err.toString().startsWith("error: " + record + ", line " + line + ", column "), err.toString());
        assertTrue(err.toString().contains(": 'decisionDate' " + late + " is after the time the record is signed"),
                err.toString());
        assertFalse(Files.exists(db), "nothing was appended");
    }

    private static List<String> triggers(Statement s) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private void append() {
        assertEquals(0, cli.log("append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
                "--key", cli.keyFile("ada-lovelace"), "--passphrase-file", passphrase.toString()), err.toString());
    }
}
