package jp.kofu.core.issuance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * One entry of a tenant's issuance history chain (発行履歴のハッシュチェーン): a prepare or a completion, with
 * the hash of the entry before it. Changing, removing or reordering any entry breaks every hash after it,
 * which {@code kofu audit verify} detects and locates.
 *
 * <p>The hash is SHA-256 over the previous entry's hash and the entry's canonical text
 * ({@link #canonicalText()}), in lower-case hex; the first entry's previous hash is {@link #GENESIS}.
 *
 * @param tenant 地方公共団体コード
 * @param sequence 1, 2, 3, … per tenant, without gaps
 * @param issuance the issuance
 * @param event prepared, issued or voided
 * @param applicant 宛名番号 of the applicant
 * @param kind the certificate kind
 * @param options the request's options in canonical form ({@link #options(CertificateRequest)})
 * @param copies 通数
 * @param storeCode 店舗コード (or cli)
 * @param prefecture 都道府県コード, or empty
 * @param at when the event happened (kept to the microsecond)
 * @param fee for prepared: the fee due; for issued: the fee paid; for voided: 0 (円)
 * @param voidReason the void reason's name when voided, else empty
 * @param certificateNumber 証明書番号
 * @param pdfSha256 SHA-256 of the PDF handed out
 * @param test issued in test mode
 * @param previousHash the hash of the entry before (or {@link #GENESIS})
 * @param hash this entry's hash as recorded
 */
public record HistoryEntry(LocalGovernmentCode tenant, long sequence, IssuanceId issuance, Event event,
                           PersonKey applicant, CertificateKind kind, String options, int copies, String storeCode,
                           String prefecture, Instant at, long fee, String voidReason, String certificateNumber,
                           String pdfSha256, boolean test, String previousHash, String hash) {

    /** The previous hash of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** What happened to the issuance. */
    public enum Event {
        /** 作成. */
        PREPARED,
        /** 交付. */
        ISSUED,
        /** 無効. */
        VOIDED;

        /** The stored name: prepared, issued, voided. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Event fromWireName(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public HistoryEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(storeCode, "storeCode");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(pdfSha256, "pdfSha256");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        prefecture = prefecture == null ? "" : prefecture;
        voidReason = voidReason == null ? "" : voidReason;
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1");
        }
    }

    /**
     * The entry recording an issuance's new state, following the entry with {@code previousHash}: a
     * {@link Issuance.Prepared} gives a prepared entry, an {@link Issuance.Issued} or {@link Issuance.Voided}
     * a completion entry. Its hash is computed.
     */
    public static HistoryEntry of(Issuance issuance, long sequence, String previousHash) {
        Issuance.Facts f = issuance.facts();
        Event event;
        Instant at;
        long fee;
        String reason = "";
        if (issuance instanceof Issuance.Prepared) {
            event = Event.PREPARED;
            at = f.preparedAt();
            fee = f.fee();
        } else if (issuance instanceof Issuance.Issued issued) {
            event = Event.ISSUED;
            at = issued.completedAt();
            fee = issued.feePaid();
        } else {
            Issuance.Voided voided = (Issuance.Voided) issuance;
            event = Event.VOIDED;
            at = voided.voidedAt();
            fee = 0;
            reason = voided.reason().name();
        }
        HistoryEntry unsealed = new HistoryEntry(f.tenant(), sequence, f.id(), event, f.applicant(), f.kind(),
                options(f.request()), f.request().copies(), f.channel().storeCode(), f.channel().prefecture(),
                at.truncatedTo(ChronoUnit.MICROS), fee, reason, f.certificateNumber(), f.pdfSha256(), f.test(),
                previousHash, "");
        return unsealed.withHash(unsealed.computeHash());
    }

    private HistoryEntry withHash(String h) {
        return new HistoryEntry(tenant, sequence, issuance, event, applicant, kind, options, copies, storeCode,
                prefecture, at, fee, voidReason, certificateNumber, pdfSha256, test, previousHash, h);
    }

    /**
     * The options of a request in canonical form, e.g. {@code members=P1,P2;head=1;domicile=0;number=0;foreign=0}
     * for 住民票, {@code year=2025} or {@code year=latest} for 所得, empty for 印鑑.
     */
    public static String options(CertificateRequest request) {
        if (request instanceof CertificateRequest.Juminhyo j) {
            TreeSet<String> members = new TreeSet<>();
            j.members().forEach(m -> members.add(m.value()));
            return "members=" + String.join(",", members) + ";head=" + bit(j.householdHeadAndRelationship())
                    + ";domicile=" + bit(j.domicile()) + ";number=" + bit(j.individualNumber())
                    + ";foreign=" + bit(j.foreignItems());
        }
        if (request instanceof CertificateRequest.Shotoku s) {
            return "year=" + (s.fiscalYear().isPresent() ? Integer.toString(s.fiscalYear().getAsInt()) : "latest");
        }
        return "";
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    /** The text the hash covers: every field but the hash itself, one per line, in a fixed order. */
    public String canonicalText() {
        return String.join("\n", "kofu-history-v1", tenant.value(), Long.toString(sequence), issuance.toString(),
                event.wireName(), applicant.value(), kind.cliName(), options, Integer.toString(copies), storeCode,
                prefecture, at.truncatedTo(ChronoUnit.MICROS).toString(), Long.toString(fee), voidReason,
                certificateNumber, pdfSha256, test ? "test" : "production");
    }

    /** SHA-256 (hex) of the previous hash and the canonical text. */
    public String computeHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(canonicalText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the recorded hash is the one the content gives. */
    public boolean hashMatches() {
        return hash.equals(computeHash());
    }

    /** A redacted description: sequence, event and issuance only. */
    @Override
    public String toString() {
        return "HistoryEntry[" + tenant + " #" + sequence + " " + event.wireName() + " " + issuance + "]";
    }
}
