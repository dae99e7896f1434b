-- kofu schema, version 7: signed certificates (電子署名). The verification code (検証コード) printed on a
-- signed certificate is kept with its issuance (empty for unsigned ones), and a certificate presented for
-- verification is found by its printed certificate number (証明書番号).
ALTER TABLE issuances ADD COLUMN verification_code VARCHAR(32) DEFAULT '' NOT NULL;
CREATE INDEX ix_issuances_certificate_number ON issuances (tenant_code, certificate_number);
