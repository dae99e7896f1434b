package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.out.PreparedDocumentPort;

/** The behaviour every {@link PreparedDocumentPort} (作成済PDFの一時保管) must have. */
public abstract class PreparedDocumentPortContract {

    /** A store holding no PDF, new for each test. */
    protected abstract PreparedDocumentPort newPort();

    private PreparedDocumentPort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    private static byte[] aPdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void a_kept_pdf_comes_back_byte_for_byte_until_discarded() {
        IssuanceId id = IssuanceId.random();
        byte[] pdf = aPdf(80_000, 1);
        port.keep(KURUME, id, pdf);

        assertThat(port.find(KURUME, id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));

        port.discard(KURUME, id);
        assertThat(port.find(KURUME, id)).isEmpty();
    }

    @Test
    void a_pdf_is_found_only_under_its_tenant_and_discarding_an_unknown_one_is_harmless() {
        IssuanceId id = IssuanceId.random();
        port.keep(KURUME, id, aPdf(100, 2));

        assertThat(port.find(CHIYODA, id)).isEmpty();
        port.discard(CHIYODA, id);
        port.discard(KURUME, IssuanceId.random());
        assertThat(port.find(KURUME, id)).isPresent();
    }
}
