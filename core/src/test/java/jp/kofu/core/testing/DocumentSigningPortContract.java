package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.port.out.DocumentSigningPort;

/**
 * The contract of {@link DocumentSigningPort} (電子署名), run against the in-memory fake and the PAdES adapter.
 * The port under test signs for {@link Fixtures#KURUME} only.
 */
public abstract class DocumentSigningPortContract {

    /** A port with a signing key for Kurume and nobody else. */
    protected abstract DocumentSigningPort newPort();

    /** Another port signing for Kurume with a different key (which the first port must not trust). */
    protected abstract DocumentSigningPort newPortWithAnotherKey();

    /** An unsigned PDF as the renderer makes it. */
    protected abstract byte[] unsignedPdf();

    protected static final Instant SIGNED_AT = Instant.parse("2026-04-01T01:02:03Z");
    protected static final String NUMBER = "402036-00000042";

    private DocumentSigningPort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    protected byte[] signed() {
        return port.sign(KURUME, unsignedPdf(),
                new DocumentSigningPort.SignatureFacts(NUMBER, port.verificationCode(KURUME, NUMBER), SIGNED_AT));
    }

    @Test
    void only_a_tenant_with_a_key_signs() {
        assertThat(port.signs(KURUME)).isTrue();
        assertThat(port.signs(CHIYODA)).isFalse();
        assertThatThrownBy(() -> port.verificationCode(CHIYODA, "131016-00000001"))
                .isInstanceOf(DocumentSigningPort.SigningException.class);
        assertThatThrownBy(() -> port.sign(CHIYODA, unsignedPdf(),
                new DocumentSigningPort.SignatureFacts("131016-00000001", "AAAA-AAAA-AAAA", SIGNED_AT)))
                .isInstanceOf(DocumentSigningPort.SigningException.class);
    }

    @Test
    void verification_codes_are_well_formed_deterministic_distinct_and_keyed() {
        String code = port.verificationCode(KURUME, NUMBER);
        assertThat(code).matches(DocumentSigningPort.CODE_FORMAT);
        assertThat(port.verificationCode(KURUME, NUMBER)).isEqualTo(code);
        TreeSet<String> codes = new TreeSet<>();
        for (int i = 1; i <= 200; i++) {
            codes.add(port.verificationCode(KURUME, String.format("402036-%08d", i)));
        }
        assertThat(codes).hasSize(200).allMatch(c -> DocumentSigningPort.CODE_FORMAT.matcher(c).matches());
        assertThat(newPortWithAnotherKey().verificationCode(KURUME, NUMBER)).isNotEqualTo(code);
    }

    @Test
    void a_signed_document_inspects_with_the_signed_facts() {
        byte[] signed = signed();

        DocumentSigningPort.Inspection inspection = port.inspect(signed);

        assertThat(inspection).isInstanceOfSatisfying(DocumentSigningPort.Signed.class, s -> {
            assertThat(s.tenant()).isEqualTo(KURUME);
            assertThat(s.facts()).isEqualTo(new DocumentSigningPort.SignatureFacts(NUMBER,
                    port.verificationCode(KURUME, NUMBER), SIGNED_AT));
            assertThat(s.signer()).isNotBlank();
        });
        assertThat(new String(signed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void any_single_changed_byte_fails() {
        byte[] signed = signed();
        Random random = new Random(42);
        TreeSet<Integer> positions = new TreeSet<>();
        // spread over the whole file: each twentieth, plus random ones and the very end
        for (int i = 0; i < 20; i++) {
            positions.add((int) ((long) signed.length * i / 20) + random.nextInt(Math.max(1, signed.length / 20)));
        }
        for (int i = 0; i < 10; i++) {
            positions.add(random.nextInt(signed.length));
        }
        positions.add(signed.length - 1);
        positions.add(signed.length - 2);
        for (int at : positions) {
            for (int delta : new int[] {1, 0x20}) {
                byte[] changed = signed.clone();
                changed[at] = (byte) (changed[at] ^ delta);
                assertThat(port.inspect(changed)).as("byte %d of %d xor %d", at, signed.length, delta)
                        .isInstanceOf(DocumentSigningPort.Invalid.class);
            }
        }
    }

    @Test
    void bytes_appended_after_the_signature_fail() {
        byte[] signed = signed();
        byte[] longer = Arrays.copyOf(signed, signed.length + 7);
        System.arraycopy("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, longer, signed.length, 7);

        assertThat(port.inspect(longer)).isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.TAMPERED));
    }

    @Test
    void a_document_signed_with_another_key_for_the_tenant_is_untrusted() {
        DocumentSigningPort other = newPortWithAnotherKey();
        byte[] forged = other.sign(KURUME, unsignedPdf(),
                new DocumentSigningPort.SignatureFacts(NUMBER, port.verificationCode(KURUME, NUMBER), SIGNED_AT));

        assertThat(other.inspect(forged)).isInstanceOf(DocumentSigningPort.Signed.class);
        assertThat(port.inspect(forged)).isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.UNTRUSTED_SIGNER));
    }

    @Test
    void an_unsigned_pdf_is_not_signed_and_other_bytes_are_not_a_pdf() {
        assertThat(port.inspect(unsignedPdf())).isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.NOT_SIGNED));
        assertThat(port.inspect("hello, not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                        i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.NOT_A_PDF));
    }
}
