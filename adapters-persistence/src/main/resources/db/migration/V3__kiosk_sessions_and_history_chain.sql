-- kofu schema, version 3: the kiosk flow of the J-LIS interface and the issuance history's hash chain.
--
-- Portable SQL for H2 2.3 and PostgreSQL 15, with the types of V1. Single use across nodes rests on the
-- database: a challenge is used by one conditional UPDATE (only one transaction can change used_at from
-- NULL), an idempotency key is claimed by one INSERT (the primary key refuses the second), and the chain head
-- row is locked by the UPDATE that takes the next sequence number, so appends of one tenant queue.
-- The housekeeping indexes on expiry times do not lead with tenant_code: the sweeper purges across tenants.

-- Issuances prepared in a tenant's test mode (工程1試験) are flagged and left out of statistics.
ALTER TABLE issuances ADD COLUMN test_mode BOOLEAN DEFAULT FALSE NOT NULL;
-- The sweeper looks for prepared issuances older than the completion timeout.
CREATE INDEX ix_issuances_state ON issuances (tenant_code, state, prepared_at);

-- The issuance history chain (発行履歴のハッシュチェーン): one row per prepare or completion, append only.
-- entry_hash = SHA-256(previous_hash || canonical text of the other columns); see HistoryEntry.
CREATE TABLE issuance_chain (
    tenant_code         CHAR(6)                   NOT NULL,
    sequence_no         BIGINT                    NOT NULL,
    issuance_id         UUID                      NOT NULL,
    event               VARCHAR(16)               NOT NULL,
    applicant_key       VARCHAR(20)               NOT NULL,
    kind                VARCHAR(16)               NOT NULL,
    options             VARCHAR                   NOT NULL,
    copies              INTEGER                   NOT NULL,
    store_code          VARCHAR(32)               NOT NULL,
    prefecture          VARCHAR(2)                NOT NULL,
    event_at            TIMESTAMP WITH TIME ZONE  NOT NULL,
    fee                 BIGINT                    NOT NULL,
    void_reason         VARCHAR(32)               NOT NULL,
    certificate_number  VARCHAR(64)               NOT NULL,
    pdf_sha256          VARCHAR(128)              NOT NULL,
    test_mode           BOOLEAN                   NOT NULL,
    previous_hash       CHAR(64)                  NOT NULL,
    entry_hash          CHAR(64)                  NOT NULL,
    CONSTRAINT pk_issuance_chain PRIMARY KEY (tenant_code, sequence_no)
);

-- The head of each tenant's chain: the newest sequence and hash (detects entries cut off the end).
CREATE TABLE issuance_chain_heads (
    tenant_code    CHAR(6)   NOT NULL,
    last_sequence  BIGINT    NOT NULL,
    last_hash      CHAR(64)  NOT NULL,
    CONSTRAINT pk_issuance_chain_heads PRIMARY KEY (tenant_code)
);

-- Challenges (チャレンジ) handed to kiosks; used_at is set once.
CREATE TABLE kiosk_challenges (
    tenant_code  CHAR(6)                   NOT NULL,
    nonce        VARCHAR(88)               NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE  NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_kiosk_challenges PRIMARY KEY (tenant_code, nonce)
);
CREATE INDEX ix_kiosk_challenges_expiry ON kiosk_challenges (expires_at);

-- Authenticated kiosk sessions (キオスク認証セッション).
CREATE TABLE kiosk_sessions (
    tenant_code  CHAR(6)                   NOT NULL,
    session_id   VARCHAR(64)               NOT NULL,
    person_key   VARCHAR(20)               NOT NULL,
    card_issuer  VARCHAR(512)              NOT NULL,
    card_serial  VARCHAR(64)               NOT NULL,
    store_code   VARCHAR(32)               NOT NULL,
    prefecture   VARCHAR(2)                NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT pk_kiosk_sessions PRIMARY KEY (tenant_code, session_id)
);
CREATE INDEX ix_kiosk_sessions_expiry ON kiosk_sessions (expires_at);

-- Idempotent answers of the kiosk interface (冪等キー): response is NULL while the first call runs.
CREATE TABLE kiosk_requests (
    tenant_code      CHAR(6)                   NOT NULL,
    idempotency_key  VARCHAR(128)              NOT NULL,
    operation        VARCHAR(32)               NOT NULL,
    request_sha256   CHAR(64)                  NOT NULL,
    claimed_at       TIMESTAMP WITH TIME ZONE  NOT NULL,
    response         BYTEA,
    CONSTRAINT pk_kiosk_requests PRIMARY KEY (tenant_code, idempotency_key)
);
CREATE INDEX ix_kiosk_requests_claimed ON kiosk_requests (claimed_at);

-- PDFs of prepared issuances (作成済PDF), kept until the kiosk reports the completion or the issuance is voided.
CREATE TABLE kiosk_documents (
    tenant_code  CHAR(6)  NOT NULL,
    issuance_id  UUID     NOT NULL,
    pdf          BYTEA    NOT NULL,
    CONSTRAINT pk_kiosk_documents PRIMARY KEY (tenant_code, issuance_id)
);
