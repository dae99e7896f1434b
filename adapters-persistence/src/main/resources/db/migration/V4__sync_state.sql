-- kofu schema, version 4: the state of the sync streams (連携状態) besides the applied sequence, which stays
-- in sync_state (V1) next to the data it describes.
--
-- Portable SQL for H2 2.3 and PostgreSQL 15, with the types of V1; tenant_code leads every key.

-- One row per stream (tenant and source) that ever received a batch.
CREATE TABLE sync_streams (
    tenant_code       CHAR(6)                   NOT NULL,
    source_system     VARCHAR(16)               NOT NULL,
    last_received_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sync_streams PRIMARY KEY (tenant_code, source_system)
);

-- Batches held (保留) behind a gap or a quarantined batch, with the directory they were received in.
CREATE TABLE sync_held_batches (
    tenant_code    CHAR(6)      NOT NULL,
    source_system  VARCHAR(16)  NOT NULL,
    sequence_no    BIGINT       NOT NULL,
    directory      VARCHAR      NOT NULL,
    CONSTRAINT pk_sync_held_batches PRIMARY KEY (tenant_code, source_system, sequence_no)
);

-- The quarantined batch (隔離バッチ) that stops a stream; at most one per stream.
CREATE TABLE sync_quarantines (
    tenant_code     CHAR(6)                   NOT NULL,
    source_system   VARCHAR(16)               NOT NULL,
    sequence_no     BIGINT                    NOT NULL,
    directory       VARCHAR                   NOT NULL,
    quarantined_at  TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT pk_sync_quarantines PRIMARY KEY (tenant_code, source_system)
);

-- Its problems in the order found: file, line (0 for the whole file), column (field) and reason.
CREATE TABLE sync_quarantine_problems (
    tenant_code    CHAR(6)      NOT NULL,
    source_system  VARCHAR(16)  NOT NULL,
    problem_no     INTEGER      NOT NULL,
    file_name      VARCHAR      NOT NULL,
    line_no        BIGINT       NOT NULL,
    column_name    VARCHAR      NOT NULL,
    reason         VARCHAR      NOT NULL,
    CONSTRAINT pk_sync_quarantine_problems PRIMARY KEY (tenant_code, source_system, problem_no)
);
