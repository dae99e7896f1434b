package jp.kofu.adapters.jlis.jpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.issuance.domain.CardCredential;
import jp.kofu.core.issuance.domain.CardRefusal;
import jp.kofu.core.issuance.port.out.CardAuthenticationPort;

/** The JPKI attack matrix at the verifier: each forgery or fault is refused with its own code. */
class JpkiVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final BigInteger REVOKED = BigInteger.valueOf(777);

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static KeyPair cardKeys;
    private static KeyPair otherKeys;
    private static Path crlFile;
    private static JpkiVerifier verifier;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(NOW);
        cardKeys = TestPki.newKeyPair();
        otherKeys = TestPki.newKeyPair();
        crlFile = dir.resolve("ca.crl");
        write(crlFile, pki.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)), Set.of(REVOKED)));
        Path anchor = dir.resolve("ca.pem");
        Files.writeString(anchor, Pem.pem(pki.caCertificate()));
        verifier = new JpkiVerifier(JpkiSettings.fromFiles(List.of(anchor), List.of(crlFile), Duration.ofHours(48)));
    }

    private static void write(Path file, X509CRL crl) throws Exception {
        Files.writeString(file, Pem.pem(crl));
    }

    private static TestPki.Card card(long serial, Instant from, Instant until, TestPki.Profile profile) {
        return pki.issue(BigInteger.valueOf(serial), cardKeys, from, until, profile);
    }

    private static TestPki.Card validCard(long serial) {
        return card(serial, NOW.minus(DAY.multipliedBy(365)), NOW.plus(DAY.multipliedBy(1000)), TestPki.Profile.AUTHENTICATION);
    }

    private static CardAuthenticationPort.Verification present(JpkiVerifier v, TestPki.Card card) throws Exception {
        byte[] challenge = "challenge-0123456789abcdef0123456789".getBytes();
        return v.verify(new CardCredential(card.certificate().getEncoded(), challenge, card.sign(challenge)), NOW);
    }

    private static CardRefusal refusal(CardAuthenticationPort.Verification v) {
        assertThat(v).isInstanceOf(CardAuthenticationPort.Rejected.class);
        return ((CardAuthenticationPort.Rejected) v).reason();
    }

    @Test
    void a_valid_card_is_accepted_with_its_issuer_in_both_forms_and_its_serial() throws Exception {
        var v = present(verifier, validCard(1001));

        assertThat(v).isInstanceOfSatisfying(CardAuthenticationPort.Verified.class, ok -> {
            assertThat(ok.serial()).isEqualTo(1001);
            assertThat(ok.issuerNames()).containsExactly(JpkiPolicy.USER_AUTHENTICATION_ISSUER,
                    "OU=Japan Agency for Local Authority Information Systems,OU=JPKI for user authentication,O=JPKI,C=JP");
        });
    }

    @Test
    void an_expired_card_is_refused_as_expired() throws Exception {
        assertThat(refusal(present(verifier, card(1002, NOW.minus(DAY.multipliedBy(2000)), NOW.minus(DAY),
                TestPki.Profile.AUTHENTICATION)))).isEqualTo(CardRefusal.EXPIRED);
    }

    @Test
    void a_card_not_yet_valid_is_refused_as_such() throws Exception {
        assertThat(refusal(present(verifier, card(1003, NOW.plus(DAY), NOW.plus(DAY.multipliedBy(900)),
                TestPki.Profile.AUTHENTICATION)))).isEqualTo(CardRefusal.NOT_YET_VALID);
    }

    @Test
    void a_revoked_card_is_refused_as_revoked() throws Exception {
        assertThat(refusal(present(verifier, validCard(REVOKED.longValue())))).isEqualTo(CardRefusal.REVOKED);
    }

    @Test
    void a_stale_crl_fails_closed() throws Exception {
        Path stale = dir.resolve("stale.crl");
        write(stale, pki.crl(NOW.minus(Duration.ofHours(49)), NOW.plus(DAY.multipliedBy(7)), Set.of()));
        Path anchor = dir.resolve("stale-ca.pem");
        Files.writeString(anchor, Pem.pem(pki.caCertificate()));
        JpkiVerifier withStale = new JpkiVerifier(JpkiSettings.fromFiles(List.of(anchor), List.of(stale), Duration.ofHours(48)));
        JpkiVerifier withoutCrl = new JpkiVerifier(JpkiSettings.fromFiles(List.of(anchor), List.of(), Duration.ofHours(48)));

        assertThat(refusal(present(withStale, validCard(1004)))).isEqualTo(CardRefusal.REVOCATION_UNAVAILABLE);
        assertThat(refusal(present(withoutCrl, validCard(1004)))).isEqualTo(CardRefusal.REVOCATION_UNAVAILABLE);
    }

    @Test
    void a_crl_signed_by_another_key_is_ignored_and_verification_fails_closed() throws Exception {
        TestPki forger = TestPki.create(NOW);
        Path forged = dir.resolve("forged.crl");
        write(forged, forger.crl(NOW, NOW.plus(DAY), Set.of()));
        Path anchor = dir.resolve("anchor-for-forged-crl.pem");
        Files.writeString(anchor, Pem.pem(pki.caCertificate()));

        JpkiVerifier v = new JpkiVerifier(JpkiSettings.fromFiles(List.of(anchor), List.of(forged), Duration.ofHours(48)));

        assertThat(refusal(present(v, validCard(1005)))).isEqualTo(CardRefusal.REVOCATION_UNAVAILABLE);
    }

    @Test
    void a_card_of_a_forged_ca_copying_the_jpki_dn_is_untrusted() throws Exception {
        TestPki forger = TestPki.create(NOW);
        assertThat(forger.caCertificate().getSubjectX500Principal()).isEqualTo(pki.caCertificate().getSubjectX500Principal());
        TestPki.Card forged = forger.issue(BigInteger.valueOf(1006), cardKeys, NOW.minus(DAY), NOW.plus(DAY),
                TestPki.Profile.AUTHENTICATION);

        assertThat(refusal(present(verifier, forged))).isEqualTo(CardRefusal.UNTRUSTED_ISSUER);
    }

    @Test
    void a_card_of_another_dn_is_untrusted() throws Exception {
        TestPki other = TestPki.create(NOW, "C=JP,O=Someone Else");
        assertThat(refusal(present(verifier, other.issue(BigInteger.valueOf(1007), cardKeys, NOW.minus(DAY), NOW.plus(DAY),
                TestPki.Profile.AUTHENTICATION)))).isEqualTo(CardRefusal.UNTRUSTED_ISSUER);
    }

    @Test
    void a_signing_certificate_presented_for_authentication_is_refused_as_such() throws Exception {
        assertThat(refusal(present(verifier, card(1008, NOW.minus(DAY), NOW.plus(DAY), TestPki.Profile.SIGNING))))
                .isEqualTo(CardRefusal.NOT_AUTHENTICATION_CERTIFICATE);
        TestPki signingCa = TestPki.create(NOW, JpkiPolicy.SIGNING_ISSUER);
        assertThat(refusal(present(verifier, signingCa.issue(BigInteger.valueOf(1009), cardKeys, NOW.minus(DAY),
                NOW.plus(DAY), TestPki.Profile.SIGNING)))).isEqualTo(CardRefusal.NOT_AUTHENTICATION_CERTIFICATE);
    }

    @Test
    void a_certificate_with_a_broken_signature_is_refused_as_such() throws Exception {
        TestPki.Card good = validCard(1010);
        byte[] der = good.certificate().getEncoded();
        der[der.length - 5] ^= 0x5A;
        byte[] challenge = "challenge-0123456789abcdef0123456789".getBytes();

        var v = verifier.verify(new CardCredential(der, challenge, good.sign(challenge)), NOW);

        assertThat(refusal(v)).isEqualTo(CardRefusal.BAD_CERTIFICATE_SIGNATURE);
    }

    @Test
    void a_challenge_signed_by_another_key_or_altered_is_refused() throws Exception {
        TestPki.Card good = validCard(1011);
        TestPki.Card impostor = new TestPki.Card(good.certificate(), otherKeys.getPrivate());
        byte[] challenge = "challenge-0123456789abcdef0123456789".getBytes();

        assertThat(refusal(present(verifier, impostor))).isEqualTo(CardRefusal.BAD_CHALLENGE_SIGNATURE);
        assertThat(refusal(verifier.verify(new CardCredential(good.certificate().getEncoded(),
                "challenge-0123456789abcdef012345678X".getBytes(), good.sign(challenge)), NOW)))
                .isEqualTo(CardRefusal.BAD_CHALLENGE_SIGNATURE);
    }

    @Test
    void garbage_is_malformed_and_nothing_pinned_trusts_nobody() throws Exception {
        assertThat(refusal(verifier.verify(new CardCredential(new byte[] {1, 2, 3}, new byte[16], new byte[256]), NOW)))
                .isEqualTo(CardRefusal.MALFORMED);
        assertThat(refusal(present(new JpkiVerifier(JpkiSettings.none()), validCard(1012))))
                .isEqualTo(CardRefusal.UNTRUSTED_ISSUER);
    }

    @Test
    void a_replaced_crl_file_is_picked_up() throws Exception {
        Path changing = dir.resolve("changing.crl");
        write(changing, pki.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(DAY), Set.of()));
        Path anchor = dir.resolve("changing-ca.pem");
        Files.writeString(anchor, Pem.pem(pki.caCertificate()));
        JpkiVerifier v = new JpkiVerifier(JpkiSettings.fromFiles(List.of(anchor), List.of(changing), Duration.ofHours(48)));
        assertThat(present(v, validCard(1013))).isInstanceOf(CardAuthenticationPort.Verified.class);

        write(changing, pki.crl(NOW.minus(Duration.ofMinutes(30)), NOW.plus(DAY), Set.of(BigInteger.valueOf(1013))));
        Files.setLastModifiedTime(changing, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(2_100);

        assertThat(refusal(present(v, validCard(1013)))).isEqualTo(CardRefusal.REVOKED);
    }

    @Test
    void a_pkcs12_file_round_trips_the_card() throws Exception {
        TestPki.Card card = validCard(1014);

        TestPki.Card read = TestPki.readPkcs12(pki.pkcs12(card));

        assertThat(read.certificate()).isEqualTo(card.certificate());
        assertThat(present(verifier, read)).isInstanceOf(CardAuthenticationPort.Verified.class);
    }
}
