package jp.kofu.core.sync.domain.digest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The canonical form (正規形) of a replica record and its SHA-256 (the record hash): independent of the vendor
 * layout the record came in, of row order, and of the order of lists whose order means nothing (a tax
 * record's income lines and deductions, see {@link TaxRecord}). The form is specified field by field in
 * {@code docs/formats/digest.md} so that a source system can compute the same hashes from its own data.
 *
 * <p>The form is a sequence of fields, each written as its UTF-8 bytes preceded by their length as a
 * 4-byte big-endian integer; the first field is the entity name. Values: printed text in kofu's tagged form
 * (after the 対照表 conversion, i.e. what a certificate would print), dates {@code yyyy-MM-dd}, absent values
 * as the empty field, flags {@code 1}/{@code 0}, integers in decimal, sizes in millimetres as the shortest
 * plain decimal ({@code 15}, {@code 15.5}), codes as the names of kofu's enums, a seal impression as the
 * lower-case hex SHA-256 of its PNG bytes, and a list as its length followed by its elements' fields.
 *
 * <p>One instance reuses its buffer and message digest: not thread-safe.
 */
public final class CanonicalForm {

    private final MessageDigest sha256;
    private final MessageDigest imageSha256;
    private byte[] buffer = new byte[1024];
    private int length;

    public CanonicalForm() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            imageSha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The record's hash: SHA-256 of its canonical form (32 bytes). */
    public <R> byte[] hash(ReplicaEntity<R> entity, R record) {
        write(entity, record);
        sha256.update(buffer, 0, length);
        return sha256.digest();
    }

    /** The record's canonical form (a copy). */
    public <R> byte[] encode(ReplicaEntity<R> entity, R record) {
        write(entity, record);
        return Arrays.copyOf(buffer, length);
    }

    private <R> void write(ReplicaEntity<R> entity, R record) {
        length = 0;
        field(entity.name());
        Object r = record;
        if (r instanceof Resident x) {
            resident(x);
        } else if (r instanceof Household x) {
            field(x.id().value());
            field(x.headName());
            field(x.version());
        } else if (r instanceof SealRegistration x) {
            seal(x);
        } else if (r instanceof SuppressionFlag x) {
            field(x.person().value());
            field(x.kind().name());
            field(x.from());
            field(x.until());
            field(x.version());
        } else if (r instanceof CardholderLink x) {
            field(x.issuer());
            field(x.serial().toString());
            field(x.person().value());
            field(x.version());
        } else if (r instanceof TaxRecord x) {
            tax(x);
        } else {
            throw new IllegalArgumentException("not a replica record: " + (record == null ? "null" : record.getClass()));
        }
        if (!entity.type().isInstance(record)) {
            throw new IllegalArgumentException("a " + record.getClass().getSimpleName() + " is not of entity " + entity);
        }
    }

    private void resident(Resident r) {
        field(r.key().value());
        field(r.household().value());
        field(r.name());
        field(r.nameKana());
        field(r.formerSurname());
        field(r.formerSurnameKana());
        field(r.alias());
        field(r.birthDate());
        field(r.sex().name());
        field(r.relationship());
        field(r.address());
        field(r.addressSupplement());
        field(r.domicile());
        field(r.domicileHead());
        field(r.becameResidentOn());
        field(r.addressSetOn());
        field(r.notifiedOn());
        field(r.addressBeforeMoveIn());
        field(r.addressBeforeChange());
        field(r.entryReason());
        field(r.individualNumber().map(n -> n.value()).orElse(""));
        field(r.residentRecordCode().map(c -> c.value()).orElse(""));
        field(r.status().name());
        Optional<ForeignResidentItems> foreign = r.foreign();
        field(foreign.isPresent());
        if (foreign.isPresent()) {
            ForeignResidentItems f = foreign.get();
            field(f.nationality());
            field(f.becameForeignResidentOn());
            field(f.article30_45Category());
            field(f.residenceStatus());
            field(f.periodOfStay());
            field(f.stayExpiresOn());
            field(f.residenceCardNumber());
        }
        field(r.version());
    }

    private void seal(SealRegistration s) {
        field(s.person().value());
        field(s.registrationNumber());
        field(HexFormat.of().formatHex(imageSha256.digest(s.image().png())));
        field(millimetres(s.image().widthMm()));
        field(millimetres(s.image().heightMm()));
        field(s.registeredName());
        field(s.registeredOn());
        field(s.status().name());
        field(s.version());
    }

    private void tax(TaxRecord t) {
        field(t.person().value());
        field(t.fiscalYear());
        field(t.residentOnJanuary1());
        field(t.addressOnJanuary1());
        field(t.filed());
        field(t.taxableIncome());
        field(t.incomeLevy());
        field(t.perCapitaLevy());
        // TaxRecord keeps incomes and deductions in canonical order and dependants in the source's order
        field(t.incomes().size());
        for (TaxRecord.Income i : t.incomes()) {
            field(i.kind().name());
            field(i.revenue());
            field(i.amount());
        }
        field(t.deductions().size());
        for (TaxRecord.Deduction d : t.deductions()) {
            field(d.kind().name());
            field(d.amount());
        }
        field(t.dependants().size());
        for (TaxRecord.Dependant d : t.dependants()) {
            field(d.name());
            field(d.relationship());
            field(d.filed());
        }
        field(t.version());
    }

    /** Shortest plain decimal: 15.0 → {@code 15}, 15.50 → {@code 15.5}. */
    static String millimetres(double mm) {
        BigDecimal d = BigDecimal.valueOf(mm).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private void field(PrintedText text) {
        field(text.toTagged());
    }

    private void field(LocalDate date) {
        field(date.toString());
    }

    private void field(Optional<LocalDate> date) {
        field(date.map(LocalDate::toString).orElse(""));
    }

    private void field(boolean flag) {
        field(flag ? "1" : "0");
    }

    private void field(long value) {
        field(Long.toString(value));
    }

    private void field(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(4 + bytes.length);
        int n = bytes.length;
        buffer[length++] = (byte) (n >>> 24);
        buffer[length++] = (byte) (n >>> 16);
        buffer[length++] = (byte) (n >>> 8);
        buffer[length++] = (byte) n;
        System.arraycopy(bytes, 0, buffer, length, n);
        length += n;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
