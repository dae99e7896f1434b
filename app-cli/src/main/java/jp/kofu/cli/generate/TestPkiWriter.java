package jp.kofu.cli.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.kofu.adapters.jlis.jpki.Pem;
import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.adapters.jlis.signing.TestSigningKeys;
import jp.kofu.core.replica.domain.CardholderLink;

/**
 * Writes the test PKI of a synthetic town (試験用公的個人認証) into {@code <out>/pki/}: a JPKI-like CA whose
 * certificate a test server pins ({@code test-ca.pem}), its CRL ({@code test-ca.crl}), one PKCS#12 test card
 * per cardholder for the first {@code cards} cardholders by 宛名番号 ({@code cards/<serial>.p12}, password
 * {@value TestPki#PKCS12_PASSWORD}), an index ({@code cards.tsv}: serial, file, 宛名番号), the town's
 * parameters ({@code town.properties}) and attack samples for tests ({@code samples/}).
 *
 * <p>Each card's certificate carries the issuer and serial of its holder's cardholder link. A 300,000-person
 * town has about 176,000 cardholders, and an RSA-2048 key takes 50–200 ms to make: the cards therefore share a
 * small pool of {@value #KEY_POOL} key pairs (each card still has its own certificate and serial), and only
 * the requested number of cards is written (each costs a CA signature and a PKCS#12 file, about 3 ms).
 *
 * <p>Samples, each for a cardholder who has no card in {@code cards/} so that only the sample's fault shows:
 * {@code expired}, {@code not-yet-valid}, {@code revoked} (on the CRL), {@code signing} (the signing-certificate
 * profile), {@code forged-ca} (issued by another CA that copies the DN), {@code unknown-serial} (a serial no
 * cardholder link holds). Not byte-deterministic: keys are random.
 *
 * <p>It also writes the tenant's test signing keys ({@code signing/}: {@code <tenant>.p12}, its password file and
 * {@code <tenant>-anchor.pem}, see {@link TestSigningKeys}), a signing directory for {@code kofu server --signing}
 * and {@code kofu verify --signing}.
 */
public final class TestPkiWriter {

    /** Key pairs shared by the test cards. */
    static final int KEY_POOL = 4;

    /** The samples and what each demonstrates. */
    public static final List<String> SAMPLES =
            List.of("expired", "not-yet-valid", "revoked", "signing", "forged-ca", "unknown-serial");

    private TestPkiWriter() {
    }

    /**
     * Writes the PKI.
     *
     * @param town the town whose cardholders get cards
     * @param out the generate output directory; the PKI goes into its {@code pki} sub-directory
     * @param cards how many cardholders get a card file
     * @param now the moment the CRL is issued (thisUpdate) and the CA's validity is centred on
     * @return the pki directory
     */
    public static Path write(SyntheticTown town, Path out, int cards, Instant now) throws IOException {
        Path pki = Files.createDirectories(out.resolve("pki"));
        Path cardDir = Files.createDirectories(pki.resolve("cards"));
        Path sampleDir = Files.createDirectories(pki.resolve("samples"));
        List<CardholderLink> holders = new ArrayList<>(town.content().cardholders());
        holders.sort(Comparator.comparing(CardholderLink::person));
        // the samples need five cardholders of their own; a tiny town gets cards only
        int samples = holders.size() > SAMPLES.size() ? SAMPLES.size() - 1 : 0;
        List<CardholderLink> sampleHolders = holders.subList(holders.size() - samples, holders.size());
        List<CardholderLink> cardHolders = holders.subList(0, Math.min(cards, holders.size() - samples));

        TestPki ca = TestPki.create(now);
        List<KeyPair> pool = new ArrayList<>();
        for (int i = 0; i < KEY_POOL; i++) {
            pool.add(TestPki.newKeyPair());
        }
        LocalDate ref = town.referenceDate();
        ZoneId japan = ZoneId.of("Asia/Tokyo");
        Instant from = ref.minusYears(1).atStartOfDay(japan).toInstant();
        Instant until = ref.plusYears(4).atStartOfDay(japan).toInstant();

        StringBuilder index = new StringBuilder("serial\tfile\tperson\n");
        for (int i = 0; i < cardHolders.size(); i++) {
            CardholderLink link = cardHolders.get(i);
            TestPki.Card card = ca.issue(link.serial(), pool.get(i % KEY_POOL), from, until, TestPki.Profile.AUTHENTICATION);
            String file = "cards/" + link.serial() + ".p12";
            Files.write(pki.resolve(file), ca.pkcs12(card));
            index.append(link.serial()).append('\t').append(file).append('\t').append(link.person()).append('\n');
        }
        Files.writeString(pki.resolve("cards.tsv"), index, StandardCharsets.UTF_8);

        Map<String, TestPki.Card> sample = new TreeMap<>();
        KeyPair keys = pool.get(0);
        BigInteger revoked = samples == 0 ? unusedSerial(town) : sampleHolders.get(2).serial();
        if (samples > 0) {
            sample.put("expired", ca.issue(sampleHolders.get(0).serial(), keys, from.minusSeconds(3 * 365 * 86400L),
                    ref.minusDays(1).atStartOfDay(japan).toInstant(), TestPki.Profile.AUTHENTICATION));
            sample.put("not-yet-valid", ca.issue(sampleHolders.get(1).serial(), keys,
                    ref.plusDays(30).atStartOfDay(japan).toInstant(), until, TestPki.Profile.AUTHENTICATION));
            sample.put("revoked", ca.issue(revoked, keys, from, until, TestPki.Profile.AUTHENTICATION));
            sample.put("signing", ca.issue(sampleHolders.get(3).serial(), keys, from, until, TestPki.Profile.SIGNING));
            sample.put("forged-ca", TestPki.create(now).issue(sampleHolders.get(4).serial(), keys, from, until,
                    TestPki.Profile.AUTHENTICATION));
            sample.put("unknown-serial", ca.issue(unusedSerial(town), keys, from, until, TestPki.Profile.AUTHENTICATION));
        }
        for (var e : sample.entrySet()) {
            Files.write(sampleDir.resolve(e.getKey() + ".p12"), ca.pkcs12(e.getValue()));
        }

        Files.writeString(pki.resolve("test-ca.pem"), Pem.pem(ca.caCertificate()), StandardCharsets.US_ASCII);
        Files.writeString(pki.resolve("test-ca.crl"),
                Pem.pem(ca.crl(now, now.plusSeconds(30L * 86400), Set.of(revoked))), StandardCharsets.US_ASCII);
        TestSigningKeys.write(pki.resolve("signing"), town.tenant(), now);
        Files.writeString(pki.resolve("town.properties"), "tenant=" + town.tenant() + "\nresidents="
                + town.content().residents().size() + "\nseed=" + town.seed() + "\nreferenceDate=" + ref + "\n",
                StandardCharsets.US_ASCII);
        return pki;
    }

    private static BigInteger unusedSerial(SyntheticTown town) {
        Set<BigInteger> used = new java.util.HashSet<>();
        town.content().cardholders().forEach(c -> used.add(c.serial()));
        BigInteger candidate = BigInteger.ONE.shiftLeft(41).add(BigInteger.valueOf(12345));
        while (used.contains(candidate)) {
            candidate = candidate.add(BigInteger.ONE);
        }
        return candidate;
    }

    /** Reads the card files listed in {@code cards.tsv}: serial → card file, with the holder's 宛名番号. */
    public static List<CardFile> cards(Path pki) {
        try {
            List<CardFile> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(pki.resolve("cards.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                out.add(new CardFile(new BigInteger(f[0]), pki.resolve(f[1]), f[2]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(pki + "/cards.tsv cannot be read", e);
        }
    }

    /** One test card file: its serial, its path and its holder's 宛名番号. */
    public record CardFile(BigInteger serial, Path file, String person) {
    }
}
