package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.PREPARED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.KioskSession;
import jp.kofu.core.issuance.port.out.KioskSessionPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** The behaviour every {@link KioskSessionPort} (キオスク認証セッションの保管) must have. */
public abstract class KioskSessionPortContract {

    /** A store holding no session, new for each test. */
    protected abstract KioskSessionPort newPort();

    private KioskSessionPort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    static KioskSession aSession(String id, LocalGovernmentCode tenant, Instant startedAt) {
        return new KioskSession(id, tenant, new PersonKey("P0001"),
                "C=JP,O=JPKI,OU=JPKI for user authentication,OU=Japan Agency for Local Authority Information Systems",
                new BigInteger("1234567890123456789012345678901234567890"), new IssuanceChannel("0012345", "40"),
                startedAt, startedAt.plusSeconds(900));
    }

    @Test
    void an_opened_session_comes_back_equal_in_every_field() {
        KioskSession s = aSession("abcdefghijklmnop_-0123456789", KURUME, PREPARED_AT);
        port.open(s);

        assertThat(port.find(KURUME, s.id())).contains(s);
    }

    @Test
    void a_session_is_found_only_under_its_tenant() {
        KioskSession s = aSession("abcdefghijklmnop_-0123456789", KURUME, PREPARED_AT);
        port.open(s);

        assertThat(port.find(CHIYODA, s.id())).isEmpty();
        assertThat(port.find(KURUME, "unknown-session-id-000")).isEmpty();
    }

    @Test
    void opening_the_same_id_twice_is_refused() {
        KioskSession s = aSession("abcdefghijklmnop_-0123456789", KURUME, PREPARED_AT);
        port.open(s);

        assertThatThrownBy(() -> port.open(s)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void purging_deletes_only_sessions_expired_before_the_moment() {
        KioskSession old = aSession("old-session-000000000", KURUME, PREPARED_AT);
        KioskSession fresh = aSession("fresh-session-0000000", KURUME, PREPARED_AT.plusSeconds(3600));
        port.open(old);
        port.open(fresh);

        assertThat(port.purgeExpiredBefore(PREPARED_AT.plusSeconds(1800))).isEqualTo(1);

        assertThat(port.find(KURUME, old.id())).isEmpty();
        assertThat(port.find(KURUME, fresh.id())).contains(fresh);
    }
}
