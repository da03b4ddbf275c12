package io.silkgate.ledger;

import static io.silkgate.ledger.Jdbc.queryList;
import static io.silkgate.ledger.Jdbc.queryOne;
import static io.silkgate.ledger.Jdbc.setInstant;
import static io.silkgate.ledger.Jdbc.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The durable record of every document, every delivery and every step they went through.
 *
 * <p>Plain JDBC and thread-safe. Every method is one transaction. Changes to the deliveries of one document are serialised by a
 * row lock on the document, so two deliveries finishing at the same moment cannot both miss each other when
 * the document status is recomputed. Free text (errors, details) is clipped to {@value #MAX_TEXT} characters.
 */
public final class Ledger {

    /** Longest error or event detail stored; longer text is clipped. */
    public static final int MAX_TEXT = 2000;

    /** Event status written by {@link #recordDuplicateFlagged}. */
    public static final String DUPLICATE_FLAGGED = "DUPLICATE_FLAGGED";
    /** The history event of a conversion for one partner: its detail is the conversion summary. */
    public static final String CONVERTED = "CONVERTED";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_VERDICT = 1_000_000;
    private static final int MAX_CLAIM_ROUNDS = 3;

    private static final String DOCUMENT_COLUMNS = "d.id, d.submitter, d.format, d.document_type, d.business_id,"
            + " d.sha256, d.idempotency_key, d.status, d.received_at, d.rejection_code, d.verdict, d.duplicate_flagged";
    private static final String DELIVERY_COLUMNS = "id, document_id, partner, format, status, attempts, last_error,"
            + " next_attempt_at, updated_at";

    private final DataSource dataSource;
    private final Clock clock;

    public Ledger(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a rejected document: the row (status REJECTED, with {@code code}) and events RECEIVED, REJECTED. */
    public void recordRejected(DocumentRecord doc, String code, String detail) {
        recordRejected(doc, code, detail, null);
    }

    /** As {@link #recordRejected(DocumentRecord, String, String)}, with the signature evidence in one transaction. */
    public void recordRejected(DocumentRecord doc, String code, String detail, Evidence evidence) {
        checkDocument(doc);
        checkLength("rejection code", Objects.requireNonNull(code, "code"), 64);
        checkEvidence(evidence, doc.id());
        Instant now = now();
        inTransaction(c -> {
            insertDocument(c, doc, DocumentStatus.REJECTED, code, now);
            insertEvent(c, doc.id(), null, null, micros(doc.receivedAt()), DocumentStatus.RECEIVED.name(),
                    receivedDetail(doc));
            insertEvent(c, doc.id(), null, null, now, DocumentStatus.REJECTED.name(),
                    detail == null ? code : code + ": " + detail);
            insertEvidence(c, evidence, now);
            return null;
        });
    }

    /**
     * Records an accepted document with its deliveries in one transaction: the document (ACCEPTED), each
     * delivery (QUEUED, no attempts; the status, attempts and times in {@code deliveries} are ignored) and the
     * events RECEIVED, ACCEPTED and one QUEUED per delivery.
     *
     * <p>An accepted document claims its idempotency key (submitter, key) and its business key (submitter, type,
     * business id, SHA-256), each only when present; a document with {@code duplicateFlagged} set claims
     * neither, since the first document keeps them. Rejected documents claim nothing.
     *
     * @throws DuplicateDocumentException with the first document's id when a key (or the document id itself) is
     *         already taken; nothing is written then
     */
    public void recordAccepted(DocumentRecord doc, List<DeliveryRecord> deliveries) {
        recordAccepted(doc, deliveries, null, Map.of());
    }

    /**
     * As {@link #recordAccepted(DocumentRecord, List)}, and in the same transaction (one commit per accepted
     * document, not one per fact): the signature evidence, when the document was verified, and one
     * {@code CONVERTED} event per partner that receives a conversion, with its summary.
     */
    public void recordAccepted(DocumentRecord doc, List<DeliveryRecord> deliveries, Evidence evidence,
            Map<String, String> conversions) {
        checkDocument(doc);
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(conversions, "conversions");
        for (DeliveryRecord delivery : deliveries) {
            checkDelivery(delivery, doc.id());
        }
        checkEvidence(evidence, doc.id());
        for (int round = 1; ; round++) {
            KeyClash clash;
            try {
                insertAccepted(doc, deliveries, evidence, conversions);
                return;
            } catch (KeyClashException e) {
                clash = e.clash;
            }
            Optional<DocumentRecord> holder = holderOf(clash, doc);
            if (holder.isPresent()) {
                throw new DuplicateDocumentException(holder.get().id(),
                        "document " + doc.id() + " repeats document " + holder.get().id() + " (same " + clash.what + ")");
            }
            // The holder rolled back between our failed insert and the look-up: the key is free again.
            if (round == MAX_CLAIM_ROUNDS) {
                throw new LedgerException("could not record document " + doc.id() + ": its " + clash.what
                        + " kept clashing with a transaction that did not commit");
            }
        }
    }

    /** Adds a DUPLICATE_FLAGGED event to the first document: a repeat of it was accepted and flagged. */
    public void recordDuplicateFlagged(String existingId, String detail) {
        Objects.requireNonNull(existingId, "existingId");
        Instant now = now();
        inTransaction(c -> {
            if (readDocumentStatus(c, existingId, false).isEmpty()) {
                throw new IllegalArgumentException("unknown document " + existingId);
            }
            insertEvent(c, existingId, null, null, now, DUPLICATE_FLAGGED, detail);
            return null;
        });
    }

    private static void checkEvidence(Evidence evidence, String documentId) {
        if (evidence == null) {
            return;
        }
        if (!evidence.documentId().equals(documentId)) {
            throw new IllegalArgumentException("evidence of document " + evidence.documentId() + " recorded with "
                    + documentId);
        }
        checkLength("evidence report", evidence.report(), MAX_VERDICT);
        if (evidence.certificatePath() != null) {
            checkLength("evidence certificate path", evidence.certificatePath(), MAX_VERDICT);
        }
    }

    private static void insertEvidence(Connection c, Evidence evidence, Instant now) throws SQLException {
        if (evidence == null) {
            return;
        }
        Instant at = micros(evidence.recordedAt() == null ? now : evidence.recordedAt());
        update(c, "INSERT INTO ledger_evidence (document_id, report, certificate_path, recorded_at)"
                + " VALUES (?, ?, ?, ?)", evidence.documentId(), evidence.report(), evidence.certificatePath(), at);
    }

    /** The signature evidence of a document, if it was verified. */
    public Optional<Evidence> findEvidence(String documentId) {
        return read(c -> queryOne(c, "SELECT document_id, report, certificate_path, recorded_at FROM ledger_evidence"
                + " WHERE document_id = ?", rs -> new Evidence(rs.getString("document_id"), rs.getString("report"),
                        rs.getString("certificate_path"), instant(rs, "recorded_at")), documentId));
    }

    /** The document with this id, in any status. */
    public Optional<DocumentRecord> findDocument(String id) {
        return read(c -> document(c, id));
    }

    /**
     * A document with its events and deliveries as of one moment: read in one repeatable-read transaction, so a
     * delivery that has just been dead-lettered never shows next to a document status from before.
     */
    public Optional<DocumentHistory> history(String id) {
        try (Connection c = dataSource.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Optional<DocumentHistory> history = document(c, id)
                        .map(d -> new DocumentHistory(d, unchecked(() -> events(c, id)),
                                unchecked(() -> deliveries(c, id))));
                c.commit();
                return history;
            } finally {
                c.setAutoCommit(true);
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static Optional<DocumentRecord> document(Connection c, String id) throws SQLException {
        return queryOne(c, "SELECT " + DOCUMENT_COLUMNS + " FROM ledger_document d WHERE d.id = ?",
                Ledger::mapDocument, id);
    }

    /** The accepted (or later) document that claimed this idempotency key. */
    public Optional<DocumentRecord> findByIdempotencyKey(String submitter, String key) {
        if (submitter == null || key == null) {
            return Optional.empty();
        }
        return read(c -> findByIdempotencyKey(c, submitter, key));
    }

    /** The accepted (or later) document that claimed this business key. */
    public Optional<DocumentRecord> findByBusinessKey(String submitter, String documentType, String businessId,
            String sha256) {
        if (submitter == null || documentType == null || businessId == null || sha256 == null) {
            return Optional.empty();
        }
        return read(c -> findByBusinessKey(c, submitter, documentType, businessId, sha256));
    }

    /** The deliveries of a document, oldest first, then by partner. */
    public List<DeliveryRecord> deliveriesOf(String documentId) {
        return read(c -> deliveries(c, documentId));
    }

    private static List<DeliveryRecord> deliveries(Connection c, String documentId) throws SQLException {
        return queryList(c, "SELECT " + DELIVERY_COLUMNS + " FROM ledger_delivery WHERE document_id = ?"
                + " ORDER BY created_at, partner, id", Ledger::mapDelivery, documentId);
    }

    /** The history of a document and its deliveries, oldest first. */
    public List<LedgerEvent> eventsOf(String documentId) {
        return read(c -> events(c, documentId));
    }

    private static List<LedgerEvent> events(Connection c, String documentId) throws SQLException {
        return queryList(c, "SELECT occurred_at, status, detail, partner FROM ledger_event"
                + " WHERE document_id = ? ORDER BY seq", rs -> new LedgerEvent(
                        instant(rs, "occurred_at"), rs.getString("status"), rs.getString("detail"),
                        rs.getString("partner")), documentId);
    }

    private static <T> T unchecked(SqlSupplier<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @FunctionalInterface
    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    /** The delivery with this id. */
    public Optional<DeliveryRecord> findDelivery(String deliveryId) {
        return read(c -> readDelivery(c, deliveryId));
    }

    /**
     * Starts a send attempt: attempts + 1, status DELIVERING, an event.
     *
     * @return the updated delivery
     * @throws IllegalStateException if the delivery was already delivered (never send twice)
     * @throws IllegalArgumentException if there is no such delivery
     */
    public DeliveryRecord startAttempt(String deliveryId) {
        return transition(deliveryId, current -> {
            refuseIfDelivered(current, "start another attempt");
            int attempts = current.attempts() + 1;
            return new Change(DeliveryStatus.DELIVERING, attempts, current.lastError(), null, "attempt " + attempts);
        });
    }

    /** Marks a delivery DELIVERED (repeating it is a no-op), then recomputes the document status. */
    public void markDelivered(String deliveryId, String detail) {
        transition(deliveryId, current -> current.status() == DeliveryStatus.DELIVERED ? null
                : new Change(DeliveryStatus.DELIVERED, current.attempts(), current.lastError(), null, detail));
    }

    /**
     * Marks a delivery RETRYING with the error of the failed attempt and when the next one is due.
     *
     * @throws IllegalStateException if the delivery was already delivered
     */
    public void markRetrying(String deliveryId, String error, Instant nextAttemptAt) {
        transition(deliveryId, current -> {
            refuseIfDelivered(current, "retry it");
            String reason = error == null ? "attempt failed" : error;
            String detail = nextAttemptAt == null ? reason : reason + " (next attempt at " + micros(nextAttemptAt) + ")";
            return new Change(DeliveryStatus.RETRYING, current.attempts(), clip(error), micros(nextAttemptAt), detail);
        });
    }

    /**
     * Marks a delivery DEAD_LETTERED with its final error, then recomputes the document status.
     *
     * @throws IllegalStateException if the delivery was already delivered
     */
    public void markDeadLettered(String deliveryId, String error) {
        transition(deliveryId, current -> {
            refuseIfDelivered(current, "dead-letter it");
            return new Change(DeliveryStatus.DEAD_LETTERED, current.attempts(), clip(error), null, error);
        });
    }

    /**
     * Puts a delivery back to QUEUED (operator re-drive of a dead-lettered or retrying delivery); the attempt
     * count is kept. The document goes back to ACCEPTED while the delivery is in flight again.
     *
     * @throws IllegalStateException if the delivery was already delivered
     */
    public void requeue(String deliveryId, String detail) {
        transition(deliveryId, current -> {
            refuseIfDelivered(current, "re-queue it");
            return new Change(DeliveryStatus.QUEUED, current.attempts(), current.lastError(), null, detail);
        });
    }

    /** Deliveries that are QUEUED, DELIVERING or RETRYING, oldest first: what start-up recovery re-drives. */
    public List<DeliveryRecord> unfinishedDeliveries() {
        return read(c -> queryList(c, "SELECT " + DELIVERY_COLUMNS + " FROM ledger_delivery"
                + " WHERE status IN (?, ?, ?) ORDER BY created_at, id", Ledger::mapDelivery,
                DeliveryStatus.QUEUED.name(), DeliveryStatus.DELIVERING.name(), DeliveryStatus.RETRYING.name()));
    }

    /** Number of deliveries per status for one partner (every status present, zero included). */
    /** When the oldest delivery to this partner that is not finished was accepted; empty if none is pending. */
    public Optional<Instant> oldestUnfinished(String partner) {
        Objects.requireNonNull(partner, "partner");
        return read(c -> queryList(c, "SELECT MIN(created_at) AS oldest FROM ledger_delivery WHERE partner = ?"
                + " AND status IN ('QUEUED', 'DELIVERING', 'RETRYING')", rs -> instant(rs, "oldest"), partner)
                .stream().filter(Objects::nonNull).findFirst());
    }

    public Map<DeliveryStatus, Long> countDeliveries(String partner) {
        Objects.requireNonNull(partner, "partner");
        return read(c -> {
            Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus status : DeliveryStatus.values()) {
                counts.put(status, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM ledger_delivery WHERE partner = ? GROUP BY status")) {
                ps.setString(1, partner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    // ---- accepted documents and their keys

    private void insertAccepted(DocumentRecord doc, List<DeliveryRecord> deliveries, Evidence evidence,
            Map<String, String> conversions) {
        Instant now = now();
        inTransaction(c -> {
            claim(KeyClash.DOCUMENT_ID, () -> insertDocument(c, doc, DocumentStatus.ACCEPTED, null, now));
            if (!doc.duplicateFlagged() && doc.idempotencyKey() != null) {
                claim(KeyClash.IDEMPOTENCY_KEY, () -> update(c, "INSERT INTO ledger_idempotency_key"
                        + " (submitter, idempotency_key, document_id) VALUES (?, ?, ?)",
                        doc.submitter(), doc.idempotencyKey(), doc.id()));
            }
            if (!doc.duplicateFlagged() && doc.businessId() != null) {
                claim(KeyClash.BUSINESS_KEY, () -> update(c, "INSERT INTO ledger_business_key"
                        + " (submitter, document_type, business_id, sha256, document_id) VALUES (?, ?, ?, ?, ?)",
                        doc.submitter(), doc.documentType(), doc.businessId(), doc.sha256(), doc.id()));
            }
            insertEvent(c, doc.id(), null, null, micros(doc.receivedAt()), DocumentStatus.RECEIVED.name(),
                    receivedDetail(doc));
            insertEvent(c, doc.id(), null, null, now, DocumentStatus.ACCEPTED.name(),
                    deliveries.size() == 1 ? "1 delivery" : deliveries.size() + " deliveries");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_delivery (id, document_id, partner,"
                    + " format, status, attempts, last_error, next_attempt_at, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?)")) {
                for (DeliveryRecord delivery : deliveries) {
                    ps.setString(1, delivery.id());
                    ps.setString(2, doc.id());
                    ps.setString(3, delivery.partner());
                    ps.setString(4, delivery.format());
                    ps.setString(5, DeliveryStatus.QUEUED.name());
                    setInstant(ps, 6, now);
                    setInstant(ps, 7, now);
                    ps.executeUpdate();
                }
            }
            for (DeliveryRecord delivery : deliveries) {
                insertEvent(c, doc.id(), delivery.id(), delivery.partner(), now, DeliveryStatus.QUEUED.name(),
                        "queued for " + delivery.partner() + " as " + delivery.format());
            }
            insertEvidence(c, evidence, now);
            for (Map.Entry<String, String> conversion : conversions.entrySet()) {
                insertEvent(c, doc.id(), null, conversion.getKey(), now, CONVERTED, conversion.getValue());
            }
            return null;
        });
    }

    private Optional<DocumentRecord> holderOf(KeyClash clash, DocumentRecord doc) {
        return switch (clash) {
            case DOCUMENT_ID -> findDocument(doc.id());
            case IDEMPOTENCY_KEY -> findByIdempotencyKey(doc.submitter(), doc.idempotencyKey());
            case BUSINESS_KEY -> findByBusinessKey(doc.submitter(), doc.documentType(), doc.businessId(), doc.sha256());
        };
    }

    private static Optional<DocumentRecord> findByIdempotencyKey(Connection c, String submitter, String key)
            throws SQLException {
        return queryOne(c, "SELECT " + DOCUMENT_COLUMNS + " FROM ledger_idempotency_key k"
                + " JOIN ledger_document d ON d.id = k.document_id WHERE k.submitter = ? AND k.idempotency_key = ?",
                Ledger::mapDocument, submitter, key);
    }

    private static Optional<DocumentRecord> findByBusinessKey(Connection c, String submitter, String documentType,
            String businessId, String sha256) throws SQLException {
        return queryOne(c, "SELECT " + DOCUMENT_COLUMNS + " FROM ledger_business_key k"
                + " JOIN ledger_document d ON d.id = k.document_id WHERE k.submitter = ? AND k.document_type = ?"
                + " AND k.business_id = ? AND k.sha256 = ?", Ledger::mapDocument,
                submitter, documentType, businessId, sha256);
    }

    private static void claim(KeyClash clash, SqlAction insert) throws SQLException {
        try {
            insert.run();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new KeyClashException(clash);
            }
            throw e;
        }
    }

    private static void insertDocument(Connection c, DocumentRecord doc, DocumentStatus status, String rejectionCode,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_document (id, submitter, format,"
                + " document_type, business_id, sha256, idempotency_key, status, received_at, rejection_code, verdict,"
                + " duplicate_flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, doc.id());
            ps.setString(2, doc.submitter());
            ps.setString(3, doc.format());
            ps.setString(4, doc.documentType());
            ps.setString(5, doc.businessId());
            ps.setString(6, doc.sha256());
            ps.setString(7, doc.idempotencyKey());
            ps.setString(8, status.name());
            setInstant(ps, 9, micros(doc.receivedAt()));
            ps.setString(10, rejectionCode);
            ps.setString(11, sanitize(doc.verdict()));
            ps.setBoolean(12, doc.duplicateFlagged());
            setInstant(ps, 13, now);
            ps.executeUpdate();
        }
    }

    private static String receivedDetail(DocumentRecord doc) {
        return doc.documentType() + " in format " + doc.format() + " from " + doc.submitter() + ", sha256 " + doc.sha256();
    }

    // ---- delivery state machine

    private DeliveryRecord transition(String deliveryId, Function<DeliveryRecord, Change> decide) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Instant now = now();
        return inTransaction(c -> {
            DeliveryRecord seen = readDelivery(c, deliveryId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown delivery " + deliveryId));
            Change early = decide.apply(seen);
            if (early == null) {
                return seen;
            }
            // In flight before and after (an attempt starts or fails): the document's status cannot change, so its
            // row is neither locked nor recomputed. The update only applies if nobody changed the delivery since.
            if (!seen.status().isFinal() && !early.status().isFinal()
                    && updateDelivery(c, deliveryId, early, now, seen)) {
                insertEvent(c, seen.documentId(), deliveryId, seen.partner(), now, early.status().name(),
                        early.detail());
                return readDelivery(c, deliveryId).orElseThrow();
            }
            // Lock the document before reading the delivery again: all changes to its status queue here.
            DocumentStatus documentStatus = readDocumentStatus(c, seen.documentId(), true).orElseThrow();
            DeliveryRecord current = readDelivery(c, deliveryId).orElseThrow();
            Change change = decide.apply(current);
            if (change == null) {
                return current;
            }
            updateDelivery(c, deliveryId, change, now, null);
            insertEvent(c, seen.documentId(), deliveryId, current.partner(), now, change.status().name(),
                    change.detail());
            recomputeDocument(c, seen.documentId(), documentStatus, now);
            return readDelivery(c, deliveryId).orElseThrow();
        });
    }

    /** Applies a change; with {@code expected}, only if the row still has that status and attempt count. */
    private static boolean updateDelivery(Connection c, String deliveryId, Change change, Instant now,
            DeliveryRecord expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_delivery SET status = ?, attempts = ?,"
                + " last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?"
                + (expected == null ? "" : " AND status = ? AND attempts = ?"))) {
            ps.setString(1, change.status().name());
            ps.setInt(2, change.attempts());
            ps.setString(3, clip(change.lastError()));
            setInstant(ps, 4, change.nextAttemptAt());
            setInstant(ps, 5, now);
            ps.setString(6, deliveryId);
            if (expected != null) {
                ps.setString(7, expected.status().name());
                ps.setInt(8, expected.attempts());
            }
            return ps.executeUpdate() == 1;
        }
    }

    private static void refuseIfDelivered(DeliveryRecord current, String action) {
        if (current.status() == DeliveryStatus.DELIVERED) {
            throw new IllegalStateException("delivery " + current.id() + " to " + current.partner()
                    + " was already delivered; refusing to " + action);
        }
    }

    private static void recomputeDocument(Connection c, String documentId, DocumentStatus current, Instant now)
            throws SQLException {
        if (current == DocumentStatus.RECEIVED || current == DocumentStatus.REJECTED) {
            return;
        }
        List<DeliveryStatus> statuses = queryList(c, "SELECT status FROM ledger_delivery WHERE document_id = ?",
                rs -> DeliveryStatus.valueOf(rs.getString(1)), documentId);
        DocumentStatus target = DocumentStatusRule.of(statuses);
        if (target == current) {
            return;
        }
        update(c, "UPDATE ledger_document SET status = ?, updated_at = ? WHERE id = ?", target.name(), now, documentId);
        long delivered = statuses.stream().filter(s -> s == DeliveryStatus.DELIVERED).count();
        long deadLettered = statuses.stream().filter(s -> s == DeliveryStatus.DEAD_LETTERED).count();
        long inFlight = statuses.size() - delivered - deadLettered;
        String detail = delivered + " of " + statuses.size() + " deliveries delivered, " + deadLettered
                + " dead-lettered" + (inFlight > 0 ? ", " + inFlight + " in progress" : "");
        insertEvent(c, documentId, null, null, now, target.name(), detail);
        if (target == DocumentStatus.FAILED) {
            // nothing reached anyone: the submitter may send the same document again as a new one
            update(c, "DELETE FROM ledger_idempotency_key WHERE document_id = ?", documentId);
            update(c, "DELETE FROM ledger_business_key WHERE document_id = ?", documentId);
        }
    }

    // ---- row access

    private static Optional<DocumentStatus> readDocumentStatus(Connection c, String documentId, boolean forUpdate)
            throws SQLException {
        return queryOne(c, "SELECT status FROM ledger_document WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                rs -> DocumentStatus.valueOf(rs.getString(1)), documentId);
    }

    private static Optional<DeliveryRecord> readDelivery(Connection c, String deliveryId) throws SQLException {
        return queryOne(c, "SELECT " + DELIVERY_COLUMNS + " FROM ledger_delivery WHERE id = ?",
                Ledger::mapDelivery, deliveryId);
    }

    private static void insertEvent(Connection c, String documentId, String deliveryId, String partner, Instant at,
            String status, String detail) throws SQLException {
        update(c, "INSERT INTO ledger_event (document_id, delivery_id, partner, occurred_at, status, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)", documentId, deliveryId, partner, at, status, clip(detail));
    }

    private static DocumentRecord mapDocument(ResultSet rs) throws SQLException {
        return new DocumentRecord(rs.getString("id"), rs.getString("submitter"), rs.getString("format"),
                rs.getString("document_type"), rs.getString("business_id"), rs.getString("sha256"),
                rs.getString("idempotency_key"), DocumentStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"), rs.getString("rejection_code"), rs.getString("verdict"),
                rs.getBoolean("duplicate_flagged"));
    }

    private static DeliveryRecord mapDelivery(ResultSet rs) throws SQLException {
        return new DeliveryRecord(rs.getString("id"), rs.getString("document_id"), rs.getString("partner"),
                rs.getString("format"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "updated_at"));
    }

    // ---- JDBC plumbing

    private <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

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
            throw failure(e);
        }
    }

    private static LedgerException failure(SQLException e) {
        return new LedgerException("ledger database error (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }

    // Timestamps are stored as TIMESTAMP (without time zone) holding UTC: portable, readable by operators,
    // and independent of the JVM's default zone because the conversion is explicit on both sides.
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    // Both databases keep microseconds; truncating first makes what we return equal to what we read back later.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String clip(String text) {
        String clean = sanitize(text);
        if (clean == null || clean.length() <= MAX_TEXT) {
            return clean;
        }
        int cut = MAX_TEXT - 1;
        if (Character.isHighSurrogate(clean.charAt(cut - 1))) {
            cut--;
        }
        return clean.substring(0, cut) + "\u2026";
    }

    // PostgreSQL refuses NUL in text; partner error bodies can contain one.
    private static String sanitize(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    // ---- argument checks (column sizes in V1__ledger.sql)

    private static void checkDocument(DocumentRecord doc) {
        Objects.requireNonNull(doc, "doc");
        checkRequired("document id", doc.id(), 100);
        checkRequired("submitter", doc.submitter(), 200);
        checkRequired("format", doc.format(), 64);
        checkRequired("document type", doc.documentType(), 64);
        checkRequired("sha256", doc.sha256(), 64);
        checkLength("business id", doc.businessId(), 200);
        checkLength("idempotency key", doc.idempotencyKey(), 200);
        checkLength("verdict", doc.verdict(), MAX_VERDICT);
        Objects.requireNonNull(doc.receivedAt(), "receivedAt");
    }

    private static void checkDelivery(DeliveryRecord delivery, String documentId) {
        Objects.requireNonNull(delivery, "delivery");
        checkRequired("delivery id", delivery.id(), 100);
        checkRequired("partner", delivery.partner(), 200);
        checkRequired("delivery format", delivery.format(), 64);
        if (delivery.documentId() != null && !delivery.documentId().equals(documentId)) {
            throw new IllegalArgumentException("delivery " + delivery.id() + " belongs to document "
                    + delivery.documentId() + ", not " + documentId);
        }
    }

    private static void checkRequired(String what, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        checkLength(what, value, max);
    }

    private static void checkLength(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }

    /** Which uniqueness rule an insert ran into. */
    private enum KeyClash {
        DOCUMENT_ID("document id"),
        IDEMPOTENCY_KEY("idempotency key"),
        BUSINESS_KEY("business id and content");

        private final String what;

        KeyClash(String what) {
            this.what = what;
        }
    }

    /** Unwinds the accepting transaction (it is rolled back) when a key is taken. */
    private static final class KeyClashException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient KeyClash clash;

        KeyClashException(KeyClash clash) {
            super(clash.what, null, false, false);
            this.clash = clash;
        }
    }

    /** The new state of a delivery and the detail of the event that records it. */
    private record Change(DeliveryStatus status, int attempts, String lastError, Instant nextAttemptAt, String detail) {
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
