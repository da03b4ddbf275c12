-- Signature evidence per document: the verification report (JSON, the "signatures" of a verify report)
-- and the certificate path(s) as PEM, kept so that a verdict can be shown and re-checked later.
-- Written once, after the document row (accepted or rejected); never updated.

CREATE TABLE ledger_evidence (
    document_id      VARCHAR(100)     NOT NULL,
    report           VARCHAR(1000000) NOT NULL,
    certificate_path VARCHAR(1000000),
    recorded_at      TIMESTAMP        NOT NULL,
    CONSTRAINT pk_ledger_evidence PRIMARY KEY (document_id),
    CONSTRAINT fk_ledger_evidence_document FOREIGN KEY (document_id) REFERENCES ledger_document (id)
);
