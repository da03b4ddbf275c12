package io.silkgate.pint;

import static io.silkgate.ledger.Jdbc.queryList;
import static io.silkgate.ledger.Jdbc.queryOne;
import static io.silkgate.ledger.Jdbc.update;

import io.silkgate.ledger.Jdbc;

import io.silkgate.ledger.LedgerException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The PINT history in the ledger database (V2__pint.sql): chain entries per eBL, transfers, additional documents.
 *
 * <p>DUPE and DISE are decided from this history inside one transaction whose writes claim primary keys: two
 * diverging chains for one eBL both insert the entry at the same position, the database lets exactly one commit,
 * and the other is decided again against the winner's entries. So the decisions hold across restarts and across
 * gateway processes sharing the database.
 */
public final class PintChainStore {

    private static final Pattern ENVELOPE_REFERENCE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ROUNDS = 4;
    private static final int CHUNK_CHARS = 900_000;
    private static final String RECEIVED = "RECEIVED";
    private static final String SENT = "SENT";
    private static final String TRANSFER_COLUMNS = "t.envelope_ref, t.td_checksum, t.td_reference, t.chain_length,"
            + " t.last_entry_checksum, t.sender_platform, t.status, t.envelope, t.document_id, e.signed_content";
    private static final String TRANSFER_FROM = " FROM pint_transfer t JOIN pint_chain_entry e"
            + " ON e.td_checksum = t.td_checksum AND e.seq_no = t.chain_length - 1";

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * True for what this store hands out as envelope references (UUIDs): anything else names no transfer, and is
     * answered without a query (a NUL or an odd byte would make some databases fail instead of finding nothing).
     */
    public static boolean isEnvelopeReference(String text) {
        return text != null && ENVELOPE_REFERENCE.matcher(text).matches();
    }

    public PintChainStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Decides a verified envelope against the history of its eBL, and records a new transfer (claiming its chain
     * entries) when it starts one. {@code acceptable} runs for a new transfer only, before anything is written; a
     * {@link PintRejection} it throws leaves the history unchanged.
     */
    public StartDecision begin(CheckedEnvelope envelope, byte[] envelopeBytes,
            java.util.function.Consumer<CheckedEnvelope> acceptable) {
        for (int round = 1; ; round++) {
            try {
                return inTransaction(c -> decide(c, envelope, envelopeBytes, acceptable));
            } catch (ClaimLost e) {
                if (round == MAX_ROUNDS) {
                    throw new LedgerException("PINT: the chain of eBL " + envelope.transportDocumentChecksum()
                            + " kept changing under a concurrent transfer", null);
                }
            }
        }
    }

    private StartDecision decide(Connection c, CheckedEnvelope e, byte[] envelopeBytes,
            java.util.function.Consumer<CheckedEnvelope> acceptable) throws SQLException {
        String td = e.transportDocumentChecksum();
        List<ChainEntry> chain = e.chain();
        List<Known> known = queryList(c, "SELECT entry_checksum, payload_checksum, origin FROM pint_chain_entry"
                + " WHERE td_checksum = ? ORDER BY seq_no", rs -> new Known(rs.getString(1), rs.getString(2),
                rs.getString(3)), td);
        int n = chain.size();
        int m = known.size();
        for (int i = 0; i < Math.min(n, m); i++) {
            Known k = known.get(i);
            ChainEntry entry = chain.get(i);
            if (k.checksum().equals(entry.checksum())) {
                continue;
            }
            boolean reSigned = i == n - 1 && k.origin().equals(RECEIVED)
                    && k.payloadChecksum().equals(entry.payloadChecksum());
            if (!reSigned) {
                return new StartDecision.Disputed("envelopeTransferChain[" + i + "] differs from the chain of this"
                        + " eBL already known here");
            }
        }
        if (n <= m) {
            Optional<PintTransfer> earlier = queryOne(c, "SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM
                    + " WHERE t.td_checksum = ? AND t.chain_length = ?", PintChainStore::transfer, td, n);
            if (earlier.isEmpty()) {
                return new StartDecision.Disputed("the chain is an earlier state of this eBL than one already known"
                        + " here");
            }
            if (earlier.get().accepted()) {
                return new StartDecision.Duplicate(earlier.get());
            }
            return new StartDecision.Started(earlier.get(), missing(c, earlier.get().envelopeReference()));
        }
        if (m > 0 && known.get(m - 1).origin().equals(RECEIVED)) {
            boolean pending = queryOne(c, "SELECT status FROM pint_transfer WHERE td_checksum = ? AND chain_length = ?",
                    rs -> rs.getString(1), td, m).map("PENDING"::equals).orElse(false);
            return new StartDecision.Disputed(pending
                    ? "another transfer of this eBL to this gateway is still in progress"
                    : "this eBL is held here; a chain that continues without this gateway is a double spend");
        }
        acceptable.accept(e);
        LocalDateTime now = now();
        for (int i = m; i < n; i++) {
            ChainEntry entry = chain.get(i);
            int seqNo = i;
            claim(() -> update(c, "INSERT INTO pint_chain_entry (td_checksum, seq_no, entry_checksum, payload_checksum,"
                    + " origin, signed_content, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", td, seqNo, entry.checksum(),
                    entry.payloadChecksum(), RECEIVED, entry.signedContent(), now));
        }
        String ref = UUID.randomUUID().toString();
        String reference = e.transportDocumentReference();
        claim(() -> update(c, "INSERT INTO pint_transfer (envelope_ref, td_checksum, td_reference, chain_length,"
                + " last_entry_checksum, sender_platform, status, envelope, document_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, NULL, ?, ?)", ref, td,
                reference == null || reference.length() > 100 ? null : reference, n, e.lastEntry().checksum(),
                clip(e.senderPlatform(), 64), new String(envelopeBytes, StandardCharsets.UTF_8), now, now));
        for (DeclaredDocument d : e.documents()) {
            update(c, "INSERT INTO pint_transfer_document (envelope_ref, checksum, byte_size, name, media_type)"
                    + " VALUES (?, ?, ?, ?, ?)", ref, d.checksum(), d.size(), clip(d.name(), 1000),
                    clip(d.mediaType(), 200));
        }
        PintTransfer started = queryOne(c, "SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM + " WHERE t.envelope_ref = ?",
                PintChainStore::transfer, ref).orElseThrow();
        return new StartDecision.Started(started, missing(c, ref));
    }

    /** The transfer with this envelope reference. */
    public Optional<PintTransfer> transfer(String envelopeReference) {
        return inTransaction(c -> queryOne(c, "SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM
                + " WHERE t.envelope_ref = ?", PintChainStore::transfer, envelopeReference));
    }

    /** The additional documents a transfer declared. */
    public List<DeclaredDocument> declaredDocuments(String envelopeReference) {
        return inTransaction(c -> declared(c, envelopeReference));
    }

    /** The declared documents of a transfer that are not held yet. */
    public List<String> missingDocuments(String envelopeReference) {
        return inTransaction(c -> missing(c, envelopeReference));
    }

    /**
     * Finishes a transfer: with every declared document held, {@code handOver} gets the transfer (and returns the
     * ledger document id) while the transfer row is locked, then the transfer is marked accepted — so two
     * finishes of one transfer, in one process or two, hand it over once.
     */
    public FinishDecision finish(String envelopeReference, Function<PintTransfer, String> handOver) {
        return inTransaction(c -> {
            Optional<String> status = queryOne(c, "SELECT status FROM pint_transfer WHERE envelope_ref = ? FOR UPDATE",
                    rs -> rs.getString(1), envelopeReference);
            if (status.isEmpty()) {
                return new FinishDecision.Unknown();
            }
            PintTransfer t = queryOne(c, "SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM + " WHERE t.envelope_ref = ?",
                    PintChainStore::transfer, envelopeReference).orElseThrow();
            if (t.accepted()) {
                return new FinishDecision.AlreadyAccepted(t);
            }
            List<String> missing = missing(c, envelopeReference);
            if (!missing.isEmpty()) {
                return new FinishDecision.Missing(t, missing);
            }
            String documentId = handOver.apply(t);
            update(c, "UPDATE pint_transfer SET status = 'ACCEPTED', document_id = ?, updated_at = ?"
                    + " WHERE envelope_ref = ?", documentId, now(), envelopeReference);
            return new FinishDecision.Accepted(new PintTransfer(t.envelopeReference(), t.transportDocumentChecksum(),
                    t.transportDocumentReference(), t.chainLength(), t.lastEntryChecksum(), t.lastEntry(),
                    t.senderPlatform(), true, t.envelope(), documentId));
        });
    }

    /** Stores an additional document (its checksum already checked); false when it was held already. */
    public boolean storeDocument(String checksum, byte[] content) {
        try {
            return inTransaction(c -> {
                claim(() -> update(c, "INSERT INTO pint_document (checksum, byte_size, received_at) VALUES (?, ?, ?)",
                        checksum, (long) content.length, now()));
                String base64 = Base64.getEncoder().encodeToString(content);
                for (int i = 0, seq = 0; i < base64.length() || seq == 0; i += CHUNK_CHARS, seq++) {
                    update(c, "INSERT INTO pint_document_chunk (checksum, seq_no, content) VALUES (?, ?, ?)", checksum,
                            seq, base64.substring(i, Math.min(base64.length(), i + CHUNK_CHARS)));
                }
                return true;
            });
        } catch (ClaimLost e) {
            return false;
        }
    }

    /** An additional document held here. */
    public Optional<byte[]> document(String checksum) {
        return inTransaction(c -> {
            List<String> chunks = queryList(c, "SELECT content FROM pint_document_chunk WHERE checksum = ? ORDER BY seq_no",
                    rs -> rs.getString(1), checksum);
            return chunks.isEmpty() ? Optional.empty()
                    : Optional.of(Base64.getDecoder().decode(String.join("", chunks)));
        });
    }

    /**
     * The envelope this gateway sends on for an accepted transfer: made by {@code create} the first time (it signs
     * a chain entry), then always the same, and its new last entry recorded as SENT in the eBL's chain history.
     */
    public String outboundEnvelope(String documentId, String transportDocumentChecksum, int seqNo,
            Supplier<OutboundEnvelope> create) {
        Optional<String> existing = inTransaction(c -> queryOne(c, "SELECT envelope FROM pint_outbound"
                + " WHERE document_id = ?", rs -> rs.getString(1), documentId));
        if (existing.isPresent()) {
            return existing.get();
        }
        OutboundEnvelope made = create.get();
        try {
            inTransaction(c -> {
                LocalDateTime now = now();
                claim(() -> update(c, "INSERT INTO pint_outbound (document_id, envelope, created_at) VALUES (?, ?, ?)",
                        documentId, made.envelope(), now));
                claim(() -> update(c, "INSERT INTO pint_chain_entry (td_checksum, seq_no, entry_checksum,"
                        + " payload_checksum, origin, signed_content, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        transportDocumentChecksum, seqNo, PintChecksums.ofJws(made.entry()), made.payloadChecksum(),
                        SENT, made.entry(), now));
                return null;
            });
            return made.envelope();
        } catch (ClaimLost e) {
            // a concurrent attempt wrote its envelope first (or the eBL moved on here): use what is stored
            return inTransaction(c -> queryOne(c, "SELECT envelope FROM pint_outbound WHERE document_id = ?",
                    rs -> rs.getString(1), documentId)).orElseThrow(() -> new IllegalStateException(
                            "eBL " + transportDocumentChecksum + " already has a chain entry " + seqNo
                                    + "; it cannot be sent on again"));
        }
    }

    /** An envelope this gateway signed to send an eBL on, and the chain entry it appended. */
    public record OutboundEnvelope(String envelope, String entry, String payloadChecksum) {
    }

    private static List<DeclaredDocument> declared(Connection c, String ref) throws SQLException {
        return queryList(c, "SELECT checksum, byte_size, name, media_type FROM pint_transfer_document"
                + " WHERE envelope_ref = ? ORDER BY checksum", rs -> new DeclaredDocument(rs.getString(1),
                rs.getLong(2), rs.getString(3), rs.getString(4)), ref);
    }

    private static List<String> missing(Connection c, String ref) throws SQLException {
        return queryList(c, "SELECT d.checksum FROM pint_transfer_document d LEFT JOIN pint_document h"
                + " ON h.checksum = d.checksum WHERE d.envelope_ref = ? AND h.checksum IS NULL ORDER BY d.checksum",
                rs -> rs.getString(1), ref);
    }

    private static PintTransfer transfer(ResultSet rs) throws SQLException {
        return new PintTransfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(10), rs.getString(6), "ACCEPTED".equals(rs.getString(7)), rs.getString(8),
                rs.getString(9));
    }

    // ---- JDBC plumbing

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new LedgerException("PINT store error (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private static void claim(SqlAction insert) throws SQLException {
        try {
            insert.run();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ClaimLost();
            }
            throw e;
        }
    }

    // UTC without time zone, as in the V1 ledger tables
    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A primary or unique key was taken by a concurrent writer: the transaction is rolled back and decided again. */
    private static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLost() {
            super("claim lost", null, false, false);
        }
    }

    private record Known(String checksum, String payloadChecksum, String origin) {
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
