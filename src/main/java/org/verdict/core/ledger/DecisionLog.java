package org.verdict.core.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.verdict.core.pack.Hashes;
import org.verdict.core.task.Progress;

/**
 * The decision log: a SQLite store (WAL) of signed decision records, their co-signatures, the signer register
 * and a signed checkpoint after every append. Each append is one transaction, so a crash leaves either the
 * whole record with its checkpoint or nothing. Writers take the write lock up front (BEGIN IMMEDIATE) and wait
 * up to the busy timeout for another instance.
 */
public final class DecisionLog implements AutoCloseable {
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** Why a log that does not verify takes no signature: its checkpoint would sign over the changed records. */
    private static final String WOULD_VOUCH = " (a signature now would vouch for a changed history)";

    /** How many times a read-only open reads a log that changes while it is read before it gives up. */
    private static final int READ_ATTEMPTS = 5;

    private final Path path;
    /** Opened again (with the origin) when a read-only log read without SQLite's locks changed meanwhile. */
    private Connection connection;
    private final Duration busyTimeout;
    private final Clock clock;
    private String origin;
    /** Where a read-only log is read from (null: opened for writing); see {@link ReadOnlySource}. */
    private ReadOnlySource source;
    /** The WAL files as they were before this log was opened for writing (null: read-only); see {@link WalFiles}. */
    private WalFiles walFiles;
    /** A writer's hold on the log within this process (null: read-only); see {@link WalIndexClaims}. */
    private WalIndexClaims.Claim writerClaim;
    /** Whether a write failed because the disk is full: SQLite then leaves its WAL files behind when closed. */
    private boolean diskFull;
    /** An existing log opened for writing outside WAL mode: it enters WAL mode after its first verified write. */
    private boolean walPending;

    private DecisionLog(Path path, Connection connection, Duration busyTimeout, Clock clock) throws SQLException {
        this.path = path;
        this.connection = connection;
        this.busyTimeout = busyTimeout;
        this.clock = clock;
        this.origin = StoreSchema.origin(connection);
    }

    /** Opens the store for appending, creating it (and bringing its schema up to date) when needed. */
    public static DecisionLog openForWriting(Path db) throws LedgerException {
        return open(db, false, DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    /** Opens an existing store without any right to change it (the Audit view, verify, export). */
    public static DecisionLog openReadOnly(Path db) throws LedgerException {
        return open(db, true, DEFAULT_BUSY_TIMEOUT, Clock.systemUTC());
    }

    public static DecisionLog open(Path db, boolean readOnly, Duration busyTimeout, Clock clock) throws LedgerException {
        return open(db, readOnly, busyTimeout, clock, 0);
    }

    /**
     * @param maxPageCount a limit on the store's size in pages (0: none); tests use it to fill the "disk" at will
     */
    static DecisionLog open(Path db, boolean readOnly, Duration busyTimeout, Clock clock, int maxPageCount)
            throws LedgerException {
        if (readOnly) {
            if (!Files.isRegularFile(db)) {
                throw UnusableLogFile.notAFile(db);
            }
            for (int attempt = 1; ; attempt++) {
                DecisionLog log = openReadOnlyOnce(db, busyTimeout, clock);
                if (log != null) {
                    return log;
                }
                if (attempt == READ_ATTEMPTS) {
                    throw keptChanging(db);
                }
            }
        }
        WalIndexClaims.Claim claim = WalIndexClaims.writer(db, busyTimeout);
        WalFiles walFiles = WalFiles.before(db);
        try {
            DecisionLog log = connect(db, "jdbc:sqlite:" + db.toAbsolutePath(), false, busyTimeout, clock, maxPageCount);
            log.walFiles = walFiles;
            log.writerClaim = claim;
            return log;
        } catch (LedgerException | RuntimeException e) {
            claim.close();
            if (e.getCause() instanceof SQLException sql && UnusableLogFile.isDiskFull(sql, db)) {
                walFiles.removeLeftOver();
            }
            throw e;
        }
    }

    /**
     * Opens {@code db} read-only from where {@link ReadOnlySource} says, so that nothing is made or changed beside it;
     * null when it was read without SQLite's locks and changed meanwhile (to be opened again).
     */
    private static DecisionLog openReadOnlyOnce(Path db, Duration busyTimeout, Clock clock) throws LedgerException {
        ReadOnlySource source = readOnlySource(db, false);
        try {
            DecisionLog log = connect(db, source.url(), true, busyTimeout, clock, 0);
            log.source = source;
            if (source.unchanged()) {
                return log;
            }
            log.close();
            return null;
        } catch (LedgerException | RuntimeException e) {
            source.close();
            if (!source.unchanged()) {
                return null;
            }
            if (!source.isCopy() && e.getCause() instanceof SQLiteException sqlite && cannotOpen(sqlite)) {
                // read-only media: SQLite cannot open the WAL files beside the log there; it reads a copy instead
                ReadOnlySource copy = readOnlySource(db, true);
                try {
                    DecisionLog log = connect(db, copy.url(), true, busyTimeout, clock, 0);
                    log.source = copy;
                    return log;
                } catch (LedgerException | RuntimeException second) {
                    copy.close();
                    throw second;
                }
            }
            throw e;
        }
    }

    private static ReadOnlySource readOnlySource(Path db, boolean copy) throws LedgerException {
        try {
            return copy ? ReadOnlySource.privateCopy(db) : ReadOnlySource.of(db);
        } catch (java.io.IOException e) {
            throw new LedgerException("cannot read " + db + ": " + e.getMessage(), e);
        }
    }

    private static LedgerException keptChanging(Path db) {
        return new LedgerException(db + " changed each time it was read (" + READ_ATTEMPTS + " times): another program"
                + " is writing it; nothing was written to it: try again when that program is done");
    }

    private static boolean cannotOpen(SQLiteException e) {
        String code = e.getResultCode().name();
        return code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_READONLY");
    }

    private static DecisionLog connect(Path db, String url, boolean readOnly, Duration busyTimeout, Clock clock,
                                       int maxPageCount) throws LedgerException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (maxPageCount > 0) {
            config.setMaxPageCount(maxPageCount);
        }
        Connection connection = null;
        try {
            connection = config.createConnection(url);
            int version = StoreSchema.version(connection);
            if (version > StoreSchema.CURRENT_VERSION) {
                // a newer format is not tampering: say which Verdict reads it, and leave the file as it is
                throw new LedgerException(db + " is a decision log of format version " + version
                        + ", made by a newer Verdict: this one reads formats 1 to " + StoreSchema.CURRENT_VERSION
                        + " only, so it neither verified nor changed it (a newer format is no sign of tampering);"
                        + " open it with a Verdict that writes format " + version + " or later");
            }
            if (version == 0) {
                List<String> tables = StoreSchema.tables(connection);
                if (!tables.isEmpty()) {
                    throw new LedgerException(db + " is a SQLite database of another application (tables: "
                            + String.join(", ", tables) + "), not a Verdict decision log; nothing was written to it");
                }
                if (readOnly) {
                    throw new UnreadableLogException(db + " is a decision log whose creation was interrupted (the file"
                            + " has no tables yet, so it holds no records); appending to it (log append) completes it",
                            Files.size(db) == 0 ? "is empty (0 bytes)" : "holds no tables", null);
                }
            }
            boolean walPending = false;
            if (!readOnly) {
                try (Statement pragmas = connection.createStatement()) {
                    pragmas.execute("PRAGMA synchronous=FULL");
                }
                // Entering WAL mode rewrites the file's header. A new log (empty, or no tables yet) starts in it; an
                // existing log in another mode (changed outside Verdict) enters it only once a write or the
                // migration has verified it, so a write refused on a log that does not verify changes not one byte
                if (version == 0) {
                    enterWal(connection);
                } else {
                    walPending = !inWalMode(connection);
                }
            }
            boolean migrated = version < StoreSchema.CURRENT_VERSION && !readOnly && migrate(db, connection, clock);
            if (walPending && migrated) {
                enterWal(connection);
                walPending = false;
            }
            DecisionLog log = new DecisionLog(db, connection, busyTimeout, clock);
            log.walPending = walPending;
            return log;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw UnusableLogFile.of(e, db, busyTimeout);
        } catch (java.io.IOException e) {
            closeQuietly(connection);
            throw new LedgerException("cannot read " + db + ": " + e.getMessage(), e);
        } catch (LedgerException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static boolean inWalMode(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            return mode.next() && "wal".equalsIgnoreCase(mode.getString(1));
        }
    }

    private static void enterWal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        }
    }

    /**
     * Brings the schema up to date in one transaction, once the store verifies. A store whose append-only guard was
     * changed by something else (SUSPECT) is left as it is, so that nothing hides that evidence: every write refuses
     * it, and {@link #restoreGuard} puts back the guard of its own format and then migrates it.
     *
     * @return whether the store was migrated
     */
    private static boolean migrate(Path db, Connection connection, Clock clock) throws SQLException, LedgerException {
        connection.setAutoCommit(false);
        try {
            // another instance may have migrated while this one waited for the write lock
            int from = StoreSchema.version(connection);
            if (from >= 1) {
                // the migration entry adopts the register as it stands, and the next checkpoint signs over it
                DecisionLog log = new DecisionLog(db, connection, DEFAULT_BUSY_TIMEOUT, clock);
                VerificationReport report = new LogVerifier().verify(log.readSnapshot(), Progress.NONE);
                if (report.isSuspect()) {
                    connection.rollback();
                    return false;
                }
                if (!report.isIntact()) {
                    throw new LogNotIntactException(db, report, "it was not migrated to format "
                            + StoreSchema.CURRENT_VERSION + " (nothing was written" + (from < 2 ? "; the migration"
                            + " would adopt the changed register)" : ")"));
                }
            }
            migrateWithin(connection, from, clock);
            connection.commit();
            return true;
        } catch (SQLException | LedgerException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Brings a store of format {@code from} up to date within the caller's transaction. A store that had records
     * before (format 1) gets a migration entry that adopts its signer register as it stood, so the change is itself
     * part of the chained, checkpointed log; later formats only add guard triggers, and both the schema version and an
     * unsigned migration entry at the end of the chain record it.
     */
    private static void migrateWithin(Connection connection, int from, Clock clock) throws SQLException {
        StoreSchema.migrate(connection, from);
        if (from >= 1 && from < 2) {
            // the store's own readers, on the migrating connection (not yet a log anyone else may use)
            DecisionLog log = new DecisionLog(null, connection, DEFAULT_BUSY_TIMEOUT, clock);
            List<LoggedRecord> records = log.readRecords();
            List<RecordSignature> signatures = LogSnapshot.of(log.origin, from, records, List.of(), List.of(),
                    List.of()).signaturesInOrder();
            log.insertEntry(new EntryStatement(EntryStatement.FORMAT, 1, SignerRegister.NO_PREVIOUS_ENTRY,
                    EntryStatement.MIGRATE, log.now(), records.size(), signatures.size(), null, null, null, null,
                    from, StoreSchema.CURRENT_VERSION, (long) log.readCheckpoints().size(),
                    SignerRegister.adopt(log.readStoredSigners(), signatures), null), List.of());
        } else if (from >= 2) {
            // the chain commits to the format, so a store set back to an earlier one (its version lowered, the
            // newer triggers dropped) is told from a store that never had it; the next checkpoint covers the entry
            DecisionLog log = new DecisionLog(null, connection, DEFAULT_BUSY_TIMEOUT, clock);
            EntryStatement at = log.entryHeader(EntryStatement.MIGRATE, log.now(), null, null, null, null);
            log.insertEntry(new EntryStatement(EntryStatement.FORMAT, at.sequence(), at.previousEntryHash(),
                    EntryStatement.MIGRATE, at.at(), at.recordsBefore(), at.signaturesBefore(), null, null, null, null,
                    from, StoreSchema.CURRENT_VERSION, null, null, null), List.of());
        }
    }

    public Path path() {
        return path;
    }

    public String origin() {
        return origin;
    }

    /**
     * Registers a signer from their self-signed claim (a {@code .signer.json}): a signed, chained log entry, endorsed
     * by {@code endorsers} when given. Registering the same identity again changes nothing, unless it awaits an
     * endorsement and {@code endorsers} are given: then they endorse it ({@link #endorse}).
     */
    public void register(SignerIdentity signer, byte[] selfSignature, List<SignerKey> endorsers) throws LedgerException {
        SignerClaim.checkLabels(signer.name(), signer.role());
        if (!SignerClaim.isSelfSigned(signer, selfSignature)) {
            throw new LedgerException("the registration of " + signer + " carries no valid self-signature over its"
                    + " name, role and key (was the signer file edited, or made before self-signed registrations?"
                    + " its owner can write a fresh one with `verdict key signer-file --key NAME.key.json`)");
        }
        write(() -> {
            requireWritable("no signer was registered" + WOULD_VOUCH, Progress.NONE);
            registerWithin(signer, selfSignature, endorsers);
            if (!endorsers.isEmpty()) {
                insertCheckpoint(endorsers.get(0));
            }
            return null;
        });
    }

    /**
     * Endorses the registration of the key {@code keyIdPrefix} names, which is in the log already without an
     * endorsement (its holder first signed before anyone endorsed it): a log entry repeating its signed claim, signed
     * by {@code endorser}, with a checkpoint by the endorser. {@code log register --endorse-key} of a registered
     * signer does the same.
     *
     * @return the signer as the log now registers it
     */
    public RegisteredSigner endorse(String keyIdPrefix, SignerKey endorser) throws LedgerException {
        return write(() -> {
            requireWritable("no endorsement was added" + WOULD_VOUCH, Progress.NONE);
            RegisteredSigner signer = signerByPrefix(keyIdPrefix);
            String selfSignature = readEntries().stream()
                    .filter(entry -> entry.sequence() == signer.registrationEntry())
                    .flatMap(entry -> entry.statement().stream()).map(EntryStatement::selfSignature)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (selfSignature == null) {
                throw new LedgerException(signer.name() + " (" + signer.role() + ", " + signer.keyId().substring(0, 12)
                        + ") was adopted when the log was migrated from format 1 and needs no endorsement; nothing"
                        + " was written");
            }
            endorseWithin(signer, Base64.getDecoder().decode(selfSignature), endorser);
            insertCheckpoint(endorser);
            return readSigners().get(signer.keyId());
        });
    }

    /** Registers the holder of {@code key} (self-signed, with a checkpoint by the same key). */
    public void register(SignerKey key) throws LedgerException {
        write(() -> {
            requireWritable("no signer was registered" + WOULD_VOUCH, Progress.NONE);
            registerWithin(key.identity(), SignerClaim.selfSign(key), List.of());
            insertCheckpoint(key);
            return null;
        });
    }

    /**
     * Revokes a key by a signed, chained log entry, signed by {@code revoker}: the key's own holder (a lost or
     * compromised key), or a signer in force the log vouches for ({@link RegisteredSigner#vouched()}). Anyone else is
     * refused: co-signing once registers a key, and such a key must not lock the board's signers out. Signatures that
     * enter the log after the revocation do not count; what the key signed before stays valid.
     */
    public RegisteredSigner revoke(String keyIdPrefix, String reason, SignerKey revoker) throws LedgerException {
        return write(() -> {
            requireWritable("no key was revoked" + WOULD_VOUCH, Progress.NONE);
            RegisteredSigner signer = signerByPrefix(keyIdPrefix);
            if (signer.isRevoked()) {
                throw new LedgerException("the key of " + signer.name() + " was already revoked at " + signer.revokedAt());
            }
            RegisteredSigner revoking = readSigners().get(revoker.identity().keyId());
            if (revoking == null) {
                throw new LedgerException(revoker.identity() + " is not a registered signer of " + path
                        + " and cannot revoke keys there");
            }
            usable(revoking);
            if (!revoking.keyId().equals(signer.keyId()) && !revoking.vouched()) {
                throw new LedgerException(revoker.identity() + " may not revoke the key of " + signer.name() + " ("
                        + signer.role() + ", " + signer.keyId().substring(0, 12) + "); no key was revoked. A key is"
                        + " revoked by its own holder, or by a signer the log vouches for: its first signer, or one"
                        + " whose registration such a signer endorsed (log register --endorse-key); "
                        + revoker.identity().name() + " was registered without such an endorsement");
            }
            String at = now();
            insertEntry(entryHeader(EntryStatement.REVOKE, at, null, null, signer.keyId(), reason),
                    List.of(revoker));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO revocations(key_id, revoked_at, reason) VALUES (?, ?, ?)")) {
                insert.setString(1, signer.keyId());
                insert.setString(2, at);
                insert.setString(3, reason);
                insert.executeUpdate();
            }
            insertCheckpoint(revoker);
            return readSigners().get(signer.keyId());
        });
    }

    /** {@link #append(DecisionRecord, SignerKey, Progress)} without progress. */
    public LoggedRecord append(DecisionRecord record, SignerKey key) throws LedgerException {
        return append(record, key, Progress.NONE);
    }

    /**
     * Appends a record signed by {@code key}, with the next checkpoint, in one transaction, once the log as it stands
     * verifies (else {@link LogNotIntactException}, nothing written). An {@code amends} given as a sequence number or
     * id prefix is resolved to the full id before signing. A record that decides what the log already decided otherwise
     * (same model, evidence and, for a promotion, versions) without amending the decision standing is refused
     * ({@link StandingDecisions}).
     *
     * @param verifying told how the verification before the append goes; may cancel it (nothing is written then)
     */
    public LoggedRecord append(DecisionRecord record, SignerKey key, Progress verifying) throws LedgerException {
        RecordJson.checkComplete("the record", record);
        return write(() -> {
            LogSnapshot intact = requireWritable("nothing was appended" + WOULD_VOUCH, verifying);
            List<LoggedRecord> existing = intact.records();
            DecisionRecord resolved = record.amends() == null ? record
                    : record.withAmends(intact.find(record.amends()).recordId());
            Optional<String> contradiction = StandingDecisions.of(existing).refusal(resolved);
            if (contradiction.isPresent()) {
                throw new LedgerException(contradiction.get() + "; nothing was appended");
            }
            SignerIdentity signer = key.identity();
            registerWithin(signer, SignerClaim.selfSign(key), List.of());
            long sequence = existing.size() + 1L;
            String previous = existing.isEmpty() ? DecisionStatement.NO_PREVIOUS_RECORD
                    : existing.get(existing.size() - 1).recordId();
            String appendedAt = now();
            // the app's path has no file to place it in; the command line checked it at the field already
            Optional<DecisionRecord.FieldProblem> late = resolved.datedAfterSigning(Instant.parse(appendedAt));
            if (late.isPresent()) {
                throw new LedgerException(late.get().message() + "; nothing was appended");
            }
            byte[] payload = RecordJson.payload(new DecisionStatement(DecisionStatement.FORMAT, sequence, previous,
                    signer.keyId(), appendedAt, resolved));
            String recordId = Hashes.sha256Hex(payload);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO records(seq, record_id, payload_type, payload, appended_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, sequence);
                insert.setString(2, recordId);
                insert.setString(3, Dsse.DECISION_PAYLOAD_TYPE);
                insert.setBytes(4, payload);
                insert.setString(5, appendedAt);
                insert.executeUpdate();
            }
            insertSignature(sequence, signer.keyId(), key.sign(Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, payload)));
            insertCheckpoint(key);
            return readRecord(sequence);
        });
    }

    /** Adds {@code key}'s signature to a record already in the log. */
    public LoggedRecord cosign(String recordReference, SignerKey key) throws LedgerException {
        return write(() -> {
            LogSnapshot intact = requireWritable("no signature was added" + WOULD_VOUCH, Progress.NONE);
            registerWithin(key.identity(), SignerClaim.selfSign(key), List.of());
            LoggedRecord record = intact.find(recordReference);
            if (record.signatures().stream().anyMatch(s -> s.keyId().equals(key.identity().keyId()))) {
                throw new LedgerException(key.identity().name() + " has already signed record #" + record.sequence());
            }
            insertSignature(record.sequence(), key.identity().keyId(), key.sign(record.pae()));
            insertCheckpoint(key);
            return readRecord(record.sequence());
        });
    }

    /**
     * Imports the signatures of an envelope signed elsewhere. The payload must be, byte for byte, a record of this
     * log; each new signature must come from a registered, unrevoked signer and verify. Returns how many were new.
     * With no key at hand, no checkpoint is signed here: the next append or co-signature covers them.
     */
    public int importSignatures(DsseEnvelope envelope) throws LedgerException {
        return write(() -> {
            LogSnapshot intact = requireWritable("no signature was imported" + WOULD_VOUCH, Progress.NONE);
            String recordId = Hashes.sha256Hex(envelope.payload());
            LoggedRecord record = intact.records().stream()
                    .filter(r -> r.recordId().equals(recordId) && r.payloadType().equals(envelope.payloadType()))
                    .findFirst()
                    .orElseThrow(() -> new LedgerException("the envelope's payload is not a record of this log"
                            + " (its SHA-256 is " + recordId + "); was it changed after export?"));
            Map<String, RegisteredSigner> signers = readSigners();
            int added = 0;
            for (DsseEnvelope.Signature signature : envelope.signatures()) {
                if (record.signatures().stream().anyMatch(s -> s.keyId().equals(signature.keyid()))) {
                    continue;
                }
                RegisteredSigner registered = signers.get(signature.keyid());
                if (registered == null) {
                    throw new LedgerException("unknown signer: key " + signature.keyid() + " is not registered in "
                            + path + "; register it first (log register --signer NAME.signer.json)");
                }
                SignerIdentity identity = usable(registered);
                if (!identity.verifies(record.pae(), signature.sig())) {
                    throw new LedgerException("the signature of " + identity.name() + " does not verify over record #"
                            + record.sequence() + "; nothing was imported");
                }
                insertSignature(record.sequence(), signature.keyid(), signature.sig());
                added++;
            }
            return added;
        });
    }

    /** The record as a DSSE envelope with all its signatures, for co-signing on another machine. */
    public DsseEnvelope envelope(String recordReference) throws LedgerException {
        LoggedRecord record = snapshot().find(recordReference);
        return new DsseEnvelope(record.payloadType(), record.payload(),
                record.signatures().stream().map(s -> new DsseEnvelope.Signature(s.keyId(), s.signature())).toList());
    }

    /**
     * The latest checkpoint, to keep outside the log as proof of its state: only when the log verifies (else
     * {@link LogNotIntactException}), since whoever keeps it trusts that state.
     */
    public Checkpoint latestVerifiedCheckpoint() throws LedgerException {
        return inTransaction(() -> {
            LogSnapshot intact = requireIntact(
                    "no checkpoint is given out (whoever keeps it would hold a changed history as proof)", Progress.NONE);
            return intact.checkpoints().stream().reduce((first, second) -> second)
                    .orElseThrow(() -> new LedgerException(path + " holds no checkpoint yet: the first append signs"
                            + " one, so there is nothing to keep"));
        });
    }

    /** Everything in the store, read in one read transaction. */
    public LogSnapshot snapshot() throws LedgerException {
        return inTransaction(this::readSnapshot);
    }

    @Override
    public void close() throws LedgerException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw UnusableLogFile.of(e, path, busyTimeout);
        } finally {
            if (source != null) {
                source.close();
            }
            if (writerClaim != null) {
                writerClaim.close();
            }
            if (diskFull && walFiles != null) {
                walFiles.removeLeftOver();
            }
        }
    }

    // ---- within a transaction -------------------------------------------------------------------------------

    private interface Work<T> {
        T run() throws SQLException, LedgerException;
    }

    /**
     * A write: {@code work} begins with {@link #requireIntact}, so once it has committed the log verified, and a log
     * opened outside WAL mode may now enter it (outside the transaction, as SQLite requires).
     */
    private <T> T write(Work<T> work) throws LedgerException {
        T result = inTransaction(work);
        if (walPending) {
            try {
                enterWal(connection);
                walPending = false;
            } catch (SQLException e) {
                throw UnusableLogFile.of(e, path, busyTimeout);
            }
        }
        return result;
    }

    /**
     * {@code work} in one transaction. A read-only log read without SQLite's locks that another program wrote
     * meanwhile, or whose {@code -shm} SQLite no longer reads read-only (see {@link ReadOnlySource}), is opened again
     * and read again as it stands now.
     */
    private <T> T inTransaction(Work<T> work) throws LedgerException {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = inOneTransaction(work);
                if (source == null || source.unchanged()) {
                    return result;
                }
            } catch (LedgerException | RuntimeException e) {
                if (source == null || source.unchanged() && !refusedReadOnlyIndex(e)) {
                    throw e;
                }
            }
            if (attempt == READ_ATTEMPTS) {
                throw keptChanging(path);
            }
            close();
            DecisionLog fresh = open(path, true, busyTimeout, clock, 0);
            connection = fresh.connection;
            origin = fresh.origin;
            source = fresh.source;
        }
    }

    /**
     * Whether SQLite refused to read the log's {@code -shm} read-only after it was opened (a writer begun meanwhile has
     * not yet built its index): opened again, it is read from a private copy if SQLite still refuses.
     */
    private boolean refusedReadOnlyIndex(Exception e) {
        return source.readsIndexReadOnly() && e.getCause() instanceof SQLiteException sqlite && cannotOpen(sqlite);
    }

    private <T> T inOneTransaction(Work<T> work) throws LedgerException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | LedgerException | RuntimeException e) {
                rollbackKeeping(e);
                throw e;
            } finally {
                restoreAutoCommit();
            }
        } catch (SQLException e) {
            diskFull |= UnusableLogFile.isDiskFull(e, path);
            throw UnusableLogFile.of(e, path, busyTimeout);
        }
    }

    /**
     * Rolls back after {@code failure}. SQLite may already have rolled back by itself (a full disk does that); the
     * rollback's own complaint ("no transaction is active") must not hide the failure that matters.
     */
    private void rollbackKeeping(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException secondary) {
            failure.addSuppressed(secondary);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the transaction's own outcome was already reported; the next use of the connection reports a broken one
        }
    }

    /**
     * The one check before anything is written to the log or a checkpoint given out: the whole log verifies, exactly
     * as {@code log verify} checks it against the store alone. Inside a write transaction, so what was verified is
     * what the write extends.
     *
     * @return the store as verified, for the write to read from instead of reading it again
     */
    private LogSnapshot requireIntact(String refused, Progress progress) throws SQLException, LedgerException {
        LogSnapshot snapshot = readSnapshot();
        VerificationReport report = new LogVerifier().verify(snapshot, progress);
        if (!report.isIntact()) {
            throw new LogNotIntactException(path, report, refused);
        }
        return snapshot;
    }

    /**
     * {@link #requireIntact} before a write, which then commits the chain to the store's format if nothing in it
     * does yet: a store created at this format by a Verdict before entries stated it, or migrated to it before
     * migrations were recorded, gets an entry of its own that states it (the write's checkpoint covers it), so that
     * from then on a store set back to an earlier format is SUSPECT. No stored row is touched.
     */
    private LogSnapshot requireWritable(String refused, Progress progress) throws SQLException, LedgerException {
        LogSnapshot intact = requireIntact(refused, progress);
        recordFormat(intact.entries());
        return intact;
    }

    /** Appends an entry stating the store's format when its chain has entries but none records the format. */
    private void recordFormat(List<LogEntry> entries) throws SQLException {
        if (!entries.isEmpty() && !StoreSchema.recordsFormat(entries)) {
            insertEntry(entryHeader(EntryStatement.STORE_FORMAT, now(), null, null, null, null), List.of());
        }
    }

    /**
     * Puts back the append-only triggers someone dropped or altered (and drops triggers and views Verdict never
     * makes), once the log verifies against {@code kept}, a checkpoint
     * kept outside it (else {@link LogNotIntactException}, nothing written): that checkpoint is the only evidence
     * that no record was removed from its end while the guard was missing.
     *
     * @param keptFile where {@code kept} was read from, to name it
     * @return what was not as Verdict made it, now repaired ({@link GuardFaults#isEmpty()} when nothing was)
     */
    public GuardFaults restoreGuard(Checkpoint kept, Path keptFile) throws LedgerException {
        return write(() -> {
            LogSnapshot snapshot = readSnapshot();
            kept.requireOf(snapshot.origin(), keptFile);
            VerificationReport report = new LogVerifier().verify(snapshot,
                    new VerificationOptions(null, kept, VerificationOptions.Endorsements.NOT_CHECKED), Progress.NONE);
            if (!report.isIntact()) {
                throw new LogNotIntactException(path, report, "its guard was not restored");
            }
            if (!snapshot.guardFaults().isEmpty()) {
                // a store set back gets its stored format's guard here, and the rest with its version from the migration
                StoreSchema.restoreGuards(connection, snapshot.formatVersion(), snapshot.guardFaults());
            }
            if (snapshot.formatVersion() < StoreSchema.CURRENT_VERSION) {
                // left unmigrated while its guard was changed (see migrate): now it verifies, it is brought up to date
                migrateWithin(connection, snapshot.formatVersion(), clock);
            }
            recordFormat(readEntries());
            return snapshot.guardFaults();
        });
    }

    private void registerWithin(SignerIdentity signer, byte[] selfSignature, List<SignerKey> endorsers)
            throws SQLException, LedgerException {
        SignerClaim.checkLabels(signer.name(), signer.role());
        Map<String, RegisteredSigner> signers = readSigners();
        RegisteredSigner registered = signers.get(signer.keyId());
        if (registered != null) {
            if (!registered.name().equals(signer.name()) || !registered.role().equals(signer.role())) {
                throw new LedgerException("key " + signer.shortKeyId() + " is registered as " + registered.name()
                        + " (" + registered.role() + "), not as " + signer.name() + " (" + signer.role() + ")");
            }
            usable(registered);
            if (!endorsers.isEmpty()) {
                endorseWithin(registered, selfSignature, endorsers.get(0));
            }
            return;
        }
        for (SignerKey endorser : endorsers) {
            RegisteredSigner endorsing = signers.get(endorser.identity().keyId());
            if (endorsing == null) {
                throw new LedgerException(endorser.identity() + " is not a registered signer of " + path
                        + " and cannot endorse a registration");
            }
            usable(endorsing);
        }
        String at = now();
        insertEntry(entryHeader(EntryStatement.REGISTER, at, new EntryStatement.Claim(signer.name(), signer.role(),
                signer.keyId(), signer.publicKeyPem()), Base64.getEncoder().encodeToString(selfSignature), null, null),
                endorsers);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signers(key_id, name, role, public_key, registered_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, signer.keyId());
            insert.setString(2, signer.name());
            insert.setString(3, signer.role());
            insert.setString(4, signer.publicKeyPem());
            insert.setString(5, at);
            insert.executeUpdate();
        }
    }

    /**
     * Adds {@code endorser}'s endorsement to a registration already in the log, by an entry that repeats its claim.
     * It counts for what the key signed already, so only a signer the log vouches for may give it.
     */
    private void endorseWithin(RegisteredSigner signer, byte[] selfSignature, SignerKey endorser)
            throws SQLException, LedgerException {
        String who = signer.name() + " (" + signer.role() + ", " + signer.keyId().substring(0, 12) + ")";
        usable(signer);
        if (!signer.endorsers().isEmpty() || signer.vouched()) {
            throw new LedgerException("the registration of " + who + " (log entry #" + signer.registrationEntry()
                    + ") needs no endorsement: " + (signer.endorsers().isEmpty() ? "the log vouches for it already"
                    : "it is endorsed by " + String.join(" and ", signer.endorsers())) + "; nothing was written");
        }
        RegisteredSigner endorsing = readSigners().get(endorser.identity().keyId());
        if (endorsing == null) {
            throw new LedgerException(endorser.identity() + " is not a registered signer of " + path
                    + " and cannot endorse a registration; no endorsement was added");
        }
        usable(endorsing);
        if (endorsing.keyId().equals(signer.keyId())) {
            throw new LedgerException("the key file given is the key being endorsed, " + who + ": a registration is"
                    + " endorsed by another signer, with that signer's own key file; no endorsement was added");
        }
        if (!endorsing.vouched()) {
            throw new LedgerException(endorser.identity() + " may not endorse the registration of " + who + "; no"
                    + " endorsement was added. An endorsement given after a key was registered vouches for what it"
                    + " signed already, so it is given by a signer the log vouches for: its first signer, or one"
                    + " whose registration such a signer endorsed; " + endorser.identity().name() + " was registered"
                    + " without such an endorsement");
        }
        insertEntry(entryHeader(EntryStatement.REGISTER, now(), new EntryStatement.Claim(signer.name(), signer.role(),
                signer.keyId(), signer.publicKeyPem()), Base64.getEncoder().encodeToString(selfSignature), null, null),
                List.of(endorser));
    }

    /**
     * A statement of {@code kind} placed after everything the store holds now. The first entry of a chain that
     * records no format yet (a new store's) states it, so a store set back to an earlier format shows it.
     */
    private EntryStatement entryHeader(String kind, String at, EntryStatement.Claim claim, String selfSignature,
                                       String revokedKeyId, String reason) throws SQLException {
        List<LogEntry> entries = readEntries();
        String previous = entries.isEmpty() ? SignerRegister.NO_PREVIOUS_ENTRY
                : Hashes.sha256Hex(entries.get(entries.size() - 1).payload());
        Integer storeFormat = EntryStatement.MIGRATE.equals(kind) || StoreSchema.recordsFormat(entries) ? null
                : StoreSchema.CURRENT_VERSION;
        return new EntryStatement(EntryStatement.FORMAT, entries.size() + 1L, previous, kind, at, count("records"),
                count("signatures"), claim, selfSignature, revokedKeyId, reason, null, null, null, null, storeFormat);
    }

    private void insertEntry(EntryStatement statement, List<SignerKey> signers) throws SQLException {
        byte[] payload = statement.toBytes();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO entries(seq, entry_id, payload) VALUES (?, ?, ?)")) {
            insert.setLong(1, statement.sequence());
            insert.setString(2, Hashes.sha256Hex(payload));
            insert.setBytes(3, payload);
            insert.executeUpdate();
        }
        byte[] pae = Dsse.pae(EntryStatement.PAYLOAD_TYPE, payload);
        for (SignerKey signer : signers) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO entry_signatures(entry_seq, key_id, signature) VALUES (?, ?, ?)")) {
                insert.setLong(1, statement.sequence());
                insert.setString(2, signer.identity().keyId());
                insert.setBytes(3, signer.sign(pae));
                insert.executeUpdate();
            }
        }
    }

    private static SignerIdentity usable(RegisteredSigner registered) throws LedgerException {
        if (registered.isRevoked()) {
            throw new LedgerException("the key of " + registered.name() + " (" + registered.keyId().substring(0, 12)
                    + ") was revoked at " + registered.revokedAt() + " (" + registered.revocationReason()
                    + ") and cannot sign");
        }
        return registered.identity();
    }

    private RegisteredSigner signerByPrefix(String keyIdPrefix) throws SQLException, LedgerException {
        List<RegisteredSigner> matches = readSigners().values().stream()
                .filter(s -> s.keyId().startsWith(keyIdPrefix.toLowerCase())).toList();
        if (keyIdPrefix.length() < 6 || matches.size() != 1) {
            throw new LedgerException(matches.isEmpty() ? "no registered signer with key id " + keyIdPrefix
                    : "give at least 6 hex digits of exactly one key id (" + matches.size() + " match " + keyIdPrefix + ")");
        }
        return matches.get(0);
    }

    private void insertSignature(long sequence, String keyId, byte[] signature) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signatures(record_seq, key_id, signature, signed_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, keyId);
            insert.setBytes(3, signature);
            insert.setString(4, now());
            insert.executeUpdate();
        }
    }

    /** Signs and stores a checkpoint of the whole log as it stands inside the current transaction. */
    private void insertCheckpoint(SignerKey key) throws SQLException {
        LogSnapshot now = new LogSnapshot(origin, StoreSchema.CURRENT_VERSION, readRecords(), readEntries(),
                SignerRegister.empty(), List.of());
        List<RecordSignature> signatures = now.signaturesInOrder();
        MerkleTree tree = now.tree();
        int entries = now.entries().size();
        Checkpoint checkpoint = Checkpoint.sign(origin, tree.size(), tree.rootHash(tree.size()), signatures.size(),
                LogSnapshot.signaturesHashes(signatures).get(signatures.size()), entries, now.entriesHead(entries), key);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO checkpoints(tree_size, signature_count,"
                + " signatures_hash, origin, root_hash, key_id, signature, entry_count, entries_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setLong(2, checkpoint.signatureCount());
            insert.setBytes(3, checkpoint.signaturesHash());
            insert.setString(4, checkpoint.origin());
            insert.setBytes(5, checkpoint.rootHash());
            insert.setString(6, checkpoint.keyId());
            insert.setBytes(7, checkpoint.signature());
            insert.setLong(8, checkpoint.entryCount());
            insert.setBytes(9, checkpoint.entriesHash());
            insert.executeUpdate();
        }
    }

    private List<LoggedRecord> readRecords() throws SQLException {
        Map<Long, List<RecordSignature>> signatures = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT sig_seq, record_seq, key_id, signature, signed_at FROM signatures ORDER BY sig_seq")) {
            while (rows.next()) {
                long recordSequence = rows.getLong(2);
                signatures.computeIfAbsent(recordSequence, s -> new ArrayList<>()).add(new RecordSignature(rows.getLong(1),
                        recordSequence, rows.getString(3), rows.getBytes(4), rows.getString(5)));
            }
        }
        List<LoggedRecord> records = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT seq, record_id, payload_type, payload, appended_at FROM records ORDER BY seq")) {
            while (rows.next()) {
                long sequence = rows.getLong(1);
                records.add(new LoggedRecord(sequence, rows.getString(2), rows.getString(3), rows.getBytes(4),
                        rows.getString(5), signatures.getOrDefault(sequence, List.of())));
            }
        }
        return records;
    }

    /** Signatures of records the store does not hold (SQLite's shell deletes a record without its signatures). */
    private List<RecordSignature> readStraySignatures() throws SQLException {
        List<RecordSignature> strays = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sig_seq, record_seq, key_id, signature, signed_at"
                     + " FROM signatures WHERE record_seq NOT IN (SELECT seq FROM records) ORDER BY sig_seq")) {
            while (rows.next()) {
                strays.add(new RecordSignature(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getBytes(4),
                        rows.getString(5)));
            }
        }
        return strays;
    }

    private LoggedRecord readRecord(long sequence) throws SQLException {
        return readRecords().stream().filter(r -> r.sequence() == sequence).findFirst().orElseThrow();
    }

    private LogSnapshot readSnapshot() throws SQLException {
        int version = StoreSchema.version(connection);
        int layout = StoreSchema.layout(connection, version);
        List<LogEntry> entries = layout >= 2 ? readEntries() : List.of();
        return LogSnapshot.of(origin, layout, readRecords(), entries, readStoredSigners(), readCheckpoints())
                .withStraySignatures(readStraySignatures())
                .withGuardFaults(StoreSchema.guardFaults(connection, version, entries))
                .withUnknownInfo(StoreSchema.unknownInfo(connection));
    }

    /** Signers as the signed entries establish them (the tables are only an index). */
    private Map<String, RegisteredSigner> readSigners() throws SQLException {
        if (StoreSchema.layout(connection, StoreSchema.version(connection)) < 2) {
            return readSnapshot().signers();
        }
        // the replay needs only how many records and signatures there are, not the records themselves
        return SignerRegister.of(readEntries(), readStoredSigners(), count("records"), count("signatures")).signers();
    }

    private long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return row.getLong(1);
        }
    }

    private List<StoredSigner> readStoredSigners() throws SQLException {
        List<StoredSigner> signers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.key_id, s.name, s.role, s.public_key, s.registered_at,"
                     + " r.revoked_at, r.reason FROM signers s LEFT JOIN revocations r ON r.key_id = s.key_id"
                     + " ORDER BY s.rowid")) {
            while (rows.next()) {
                signers.add(new StoredSigner(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        return signers;
    }

    private List<LogEntry> readEntries() throws SQLException {
        Map<Long, List<LogEntry.EntrySignature>> signatures = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT entry_seq, key_id, signature FROM entry_signatures ORDER BY entry_seq, rowid")) {
            while (rows.next()) {
                signatures.computeIfAbsent(rows.getLong(1), s -> new ArrayList<>())
                        .add(new LogEntry.EntrySignature(rows.getString(2), rows.getBytes(3)));
            }
        }
        List<LogEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT seq, entry_id, payload FROM entries ORDER BY seq")) {
            while (rows.next()) {
                long sequence = rows.getLong(1);
                entries.add(new LogEntry(sequence, rows.getString(2), rows.getBytes(3),
                        signatures.getOrDefault(sequence, List.of())));
            }
        }
        return entries;
    }

    private List<Checkpoint> readCheckpoints() throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        boolean hasEntries = StoreSchema.layout(connection, StoreSchema.version(connection)) >= 2;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT origin, tree_size, root_hash, signature_count, signatures_hash, key_id, signature"
                             + (hasEntries ? ", entry_count, entries_hash" : "") + " FROM checkpoints ORDER BY id")) {
            while (rows.next()) {
                Long entryCount = hasEntries ? rows.getLong(8) : null;
                if (hasEntries && rows.wasNull()) {
                    entryCount = null;
                }
                checkpoints.add(new Checkpoint(rows.getString(1), rows.getLong(2), rows.getBytes(3), rows.getLong(4),
                        rows.getBytes(5), entryCount, hasEntries ? rows.getBytes(9) : null, rows.getString(6),
                        rows.getBytes(7)));
            }
        }
        return checkpoints;
    }

    private String now() {
        // microseconds: signatures and revocations of one second still order correctly
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
