-- kofu schema, version 1.
--
-- Portable SQL: this file runs unchanged on H2 2.3 and PostgreSQL 15, so there is one schema history for
-- both. Types are limited to those both accept: CHAR, VARCHAR (without length where the size is open),
-- BIGINT, INTEGER, BOOLEAN, DOUBLE PRECISION, DATE, TIMESTAMP WITH TIME ZONE, UUID and BYTEA (an alias of
-- BINARY VARYING in H2).
--
-- Every table is partitioned by tenant: tenant_code (the 地方公共団体コード) leads every primary key and
-- every index, so one tenant's rows never mix with another's and per-tenant deletes are range scans.
-- Printed text (names, addresses, ...) is stored in its tagged form (PrintedText.toTagged), which keeps
-- variation sequences, MJ-only and unidentified vendor characters exactly.
-- No foreign keys between replica tables: the replica is a faithful copy of what the sources sent, and
-- bulk loads stay fast.

-- Tenant settings (団体設定), stored as one JSON document per tenant.
CREATE TABLE tenant_settings (
    tenant_code     CHAR(6)      NOT NULL,
    settings_json   VARCHAR      NOT NULL,
    CONSTRAINT pk_tenant_settings PRIMARY KEY (tenant_code)
);

-- Residents (住民), one column per item of the resident record. member_order keeps the source's order,
-- which lists the household head (世帯主) first.
CREATE TABLE residents (
    tenant_code                 CHAR(6)      NOT NULL,
    person_key                  VARCHAR(20)  NOT NULL,
    household_id                VARCHAR(20)  NOT NULL,
    member_order                INTEGER      NOT NULL,
    full_name                   VARCHAR      NOT NULL,
    name_kana                   VARCHAR      NOT NULL,
    former_surname              VARCHAR      NOT NULL,
    former_surname_kana         VARCHAR      NOT NULL,
    alias_name                  VARCHAR      NOT NULL,
    birth_date                  DATE         NOT NULL,
    sex                         VARCHAR(8)   NOT NULL,
    relationship                VARCHAR      NOT NULL,
    address                     VARCHAR      NOT NULL,
    address_supplement          VARCHAR      NOT NULL,
    domicile                    VARCHAR      NOT NULL,
    domicile_head               VARCHAR      NOT NULL,
    became_resident_on          DATE,
    address_set_on              DATE,
    notified_on                 DATE,
    address_before_move_in      VARCHAR      NOT NULL,
    address_before_change       VARCHAR      NOT NULL,
    entry_reason                VARCHAR      NOT NULL,
    individual_number           CHAR(12),
    resident_record_code        CHAR(11),
    status                      VARCHAR(20)  NOT NULL,
    -- foreign-resident items (外国人住民の記載事項): all null for Japanese residents
    nationality                 VARCHAR,
    became_foreign_resident_on  DATE,
    article30_45_category       VARCHAR,
    residence_status            VARCHAR,
    period_of_stay              VARCHAR,
    stay_expires_on             DATE,
    residence_card_number       VARCHAR(32),
    record_version              BIGINT       NOT NULL,
    CONSTRAINT pk_residents PRIMARY KEY (tenant_code, person_key)
);
CREATE INDEX ix_residents_household ON residents (tenant_code, household_id, member_order);

-- Households (世帯).
CREATE TABLE households (
    tenant_code     CHAR(6)      NOT NULL,
    household_id    VARCHAR(20)  NOT NULL,
    head_name       VARCHAR      NOT NULL,
    record_version  BIGINT       NOT NULL,
    CONSTRAINT pk_households PRIMARY KEY (tenant_code, household_id)
);

-- Seal registrations (印鑑登録) with the seal impression (印影) as PNG bytes and its size in millimetres.
CREATE TABLE seal_registrations (
    tenant_code          CHAR(6)           NOT NULL,
    person_key           VARCHAR(20)       NOT NULL,
    registration_number  VARCHAR(32)       NOT NULL,
    image_png            BYTEA             NOT NULL,
    width_mm             DOUBLE PRECISION  NOT NULL,
    height_mm            DOUBLE PRECISION  NOT NULL,
    registered_name      VARCHAR           NOT NULL,
    registered_on        DATE              NOT NULL,
    status               VARCHAR(20)       NOT NULL,
    record_version       BIGINT            NOT NULL,
    CONSTRAINT pk_seal_registrations PRIMARY KEY (tenant_code, person_key, registration_number)
);

-- Suppression flags (発行抑止フラグ) set by the sources; valid_until null while open-ended.
CREATE TABLE suppression_flags (
    tenant_code     CHAR(6)      NOT NULL,
    person_key      VARCHAR(20)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    valid_from      DATE         NOT NULL,
    valid_until     DATE,
    record_version  BIGINT       NOT NULL,
    CONSTRAINT pk_suppression_flags PRIMARY KEY (tenant_code, person_key, kind, valid_from)
);

-- Cardholder links (利用者証明用電子証明書の紐付け): certificate issuer DN and serial (as a decimal string,
-- since serials reach 160 bits) to the person.
CREATE TABLE cardholder_links (
    tenant_code     CHAR(6)       NOT NULL,
    issuer          VARCHAR(512)  NOT NULL,
    serial          VARCHAR(64)   NOT NULL,
    person_key      VARCHAR(20)   NOT NULL,
    record_version  BIGINT        NOT NULL,
    CONSTRAINT pk_cardholder_links PRIMARY KEY (tenant_code, issuer, serial)
);

-- Tax records (個人住民税の課税情報) per fiscal year (年度); the variable-length lines as JSON text.
CREATE TABLE tax_records (
    tenant_code             CHAR(6)      NOT NULL,
    person_key              VARCHAR(20)  NOT NULL,
    fiscal_year             INTEGER      NOT NULL,
    resident_on_january1    BOOLEAN      NOT NULL,
    address_on_january1     VARCHAR      NOT NULL,
    filed                   BOOLEAN      NOT NULL,
    taxable_income          BIGINT       NOT NULL,
    income_levy             BIGINT       NOT NULL,
    per_capita_levy         BIGINT       NOT NULL,
    incomes_json            VARCHAR      NOT NULL,
    deductions_json         VARCHAR      NOT NULL,
    dependants_json         VARCHAR      NOT NULL,
    record_version          BIGINT       NOT NULL,
    CONSTRAINT pk_tax_records PRIMARY KEY (tenant_code, person_key, fiscal_year)
);

-- Sync state (連携状態): the last batch sequence applied per tenant and source, written in the same
-- transaction as the data it describes.
CREATE TABLE sync_state (
    tenant_code     CHAR(6)                   NOT NULL,
    source_system   VARCHAR(16)               NOT NULL,
    last_sequence   BIGINT                    NOT NULL,
    applied_at      TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT pk_sync_state PRIMARY KEY (tenant_code, source_system)
);

-- Issuance history (発行履歴). entry_no orders issuances prepared in the same microsecond.
CREATE TABLE issuances (
    tenant_code         CHAR(6)                   NOT NULL,
    issuance_id         UUID                      NOT NULL,
    entry_no            BIGINT GENERATED BY DEFAULT AS IDENTITY,
    state               VARCHAR(16)               NOT NULL,
    applicant_key       VARCHAR(20)               NOT NULL,
    kind                VARCHAR(16)               NOT NULL,
    request_json        VARCHAR                   NOT NULL,
    store_code          VARCHAR(32)               NOT NULL,
    prefecture          VARCHAR(2)                NOT NULL,
    certificate_number  VARCHAR(64)               NOT NULL,
    pdf_sha256          VARCHAR(128)              NOT NULL,
    prepared_at         TIMESTAMP WITH TIME ZONE  NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    fee                 BIGINT                    NOT NULL,
    fee_paid            BIGINT,
    void_reason         VARCHAR(32),
    CONSTRAINT pk_issuances PRIMARY KEY (tenant_code, issuance_id)
);
CREATE INDEX ix_issuances_prepared ON issuances (tenant_code, prepared_at, entry_no);

-- Per-tenant certificate number (証明書番号) counter.
CREATE TABLE certificate_counters (
    tenant_code  CHAR(6)  NOT NULL,
    last_number  BIGINT   NOT NULL,
    CONSTRAINT pk_certificate_counters PRIMARY KEY (tenant_code)
);
