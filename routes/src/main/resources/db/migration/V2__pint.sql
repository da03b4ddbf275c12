-- DCSA PINT receiver: what this gateway knows about each eBL's transfer chain, the transfers it started or
-- accepted, and the additional documents it holds. Portable like V1 (H2 2.3 and PostgreSQL 15+).
-- Every decision that must hold across restarts and gateway processes rests on a primary or unique key here,
-- never on a JVM lock: two diverging chains for one eBL both try to insert the same (td_checksum, seq_no) and only
-- one can commit.

-- The chain entries of each eBL (keyed by the SHA-256 of its canonical transport document), in chain order.
-- origin RECEIVED: part of a chain sent to us; SENT: the entry this gateway signed when it passed the eBL on.
CREATE TABLE pint_chain_entry (
    td_checksum      VARCHAR(64)      NOT NULL,
    seq_no           INTEGER          NOT NULL,
    entry_checksum   VARCHAR(64)      NOT NULL,
    payload_checksum VARCHAR(64)      NOT NULL,
    origin           VARCHAR(16)      NOT NULL,
    signed_content   VARCHAR(1000000) NOT NULL,
    recorded_at      TIMESTAMP        NOT NULL,
    CONSTRAINT pk_pint_chain_entry PRIMARY KEY (td_checksum, seq_no),
    CONSTRAINT ck_pint_chain_entry_origin CHECK (origin IN ('RECEIVED', 'SENT'))
);

-- One row per transfer to this gateway; one transfer per chain length of an eBL, so a retry finds its transfer.
CREATE TABLE pint_transfer (
    envelope_ref        VARCHAR(100)     NOT NULL,
    td_checksum         VARCHAR(64)      NOT NULL,
    td_reference        VARCHAR(100),
    chain_length        INTEGER          NOT NULL,
    last_entry_checksum VARCHAR(64)      NOT NULL,
    sender_platform     VARCHAR(64)      NOT NULL,
    status              VARCHAR(16)      NOT NULL,
    envelope            VARCHAR(1000000) NOT NULL,
    document_id         VARCHAR(100),
    created_at          TIMESTAMP        NOT NULL,
    updated_at          TIMESTAMP        NOT NULL,
    CONSTRAINT pk_pint_transfer PRIMARY KEY (envelope_ref),
    CONSTRAINT uq_pint_transfer_chain UNIQUE (td_checksum, chain_length),
    CONSTRAINT ck_pint_transfer_status CHECK (status IN ('PENDING', 'ACCEPTED'))
);

-- The additional documents each transfer declares.
CREATE TABLE pint_transfer_document (
    envelope_ref VARCHAR(100) NOT NULL,
    checksum     VARCHAR(64)  NOT NULL,
    byte_size    BIGINT       NOT NULL,
    name         VARCHAR(1000),
    media_type   VARCHAR(200),
    CONSTRAINT pk_pint_transfer_document PRIMARY KEY (envelope_ref, checksum),
    CONSTRAINT fk_pint_transfer_document_transfer FOREIGN KEY (envelope_ref) REFERENCES pint_transfer (envelope_ref)
);

-- Additional documents held, by checksum (shared by every transfer that declares them), stored base64 in chunks
-- so that every gateway process on this database can read them back when it passes the eBL on.
CREATE TABLE pint_document (
    checksum    VARCHAR(64) NOT NULL,
    byte_size   BIGINT      NOT NULL,
    received_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_pint_document PRIMARY KEY (checksum)
);

CREATE TABLE pint_document_chunk (
    checksum VARCHAR(64)      NOT NULL,
    seq_no   INTEGER          NOT NULL,
    content  VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_pint_document_chunk PRIMARY KEY (checksum, seq_no),
    CONSTRAINT fk_pint_document_chunk_document FOREIGN KEY (checksum) REFERENCES pint_document (checksum)
);

-- The envelope this gateway sends on for an accepted transfer: written once (its chain entry is signed once), so
-- every retry of the delivery sends the same bytes.
CREATE TABLE pint_outbound (
    document_id VARCHAR(100)     NOT NULL,
    envelope    VARCHAR(1000000) NOT NULL,
    created_at  TIMESTAMP        NOT NULL,
    CONSTRAINT pk_pint_outbound PRIMARY KEY (document_id)
);
