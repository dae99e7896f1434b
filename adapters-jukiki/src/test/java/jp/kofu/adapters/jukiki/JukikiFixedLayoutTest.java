package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.layout.FixedLayout;
import jp.kofu.core.sync.domain.layout.Layout;

/**
 * The resident-record files in the fixed-length layout kofu-fixed-v1: the shipped definitions fit the kofu
 * layouts and are documented field by field, what the writer writes the reader reads back equal, and the
 * manifest's format picks the codec.
 */
class JukikiFixedLayoutTest {

    static final BatchFormat FIXED = BatchFormat.fixed("kofu-fixed-v1");
    static final Path DOCS = Path.of("..", "docs", "formats", "fixed");
    static final List<Layout> LAYOUTS = List.of(ResidentsCsv.LAYOUT, HouseholdsCsv.LAYOUT, SealsCsv.LAYOUT,
            SuppressionFlagsCsv.LAYOUT, CardholdersCsv.LAYOUT);

    @TempDir
    Path dir;

    @Test
    void everyDefinitionFitsItsLayoutAndItsPageListsExactlyItsFields() throws Exception {
        for (Layout layout : LAYOUTS) {
            FixedLayout definition = FixedLayouts.CATALOG.find("kofu-fixed-v1", layout).orElseThrow();
            List<String> documented = new ArrayList<>();
            for (String line : Files.readAllLines(DOCS.resolve(layout.entity() + ".md"), StandardCharsets.UTF_8)) {
                if (line.startsWith("| `")) {
                    String[] cells = line.split("\\|");
                    documented.add(cells[1].strip().replace("`", "") + " " + cells[2].strip() + " " + cells[3].strip());
                }
            }
            assertThat(documented).as(layout.entity()).containsExactlyElementsOf(definition.fields().stream()
                    .map(f -> f.column() + " " + f.offset() + " " + f.length()).toList());
            assertThat(Files.readString(DOCS.resolve(layout.entity() + ".md")))
                    .contains("Record length **" + definition.recordLength() + " bytes**");
        }
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackEqualWithSjisVendorGaiji() throws Exception {
        ReplicaContent town = inShiftJis(Samples.town());
        List<BatchFile> files = new JukikiCsvWriter().write(dir, town, FIXED);

        assertThat(files).extracting(BatchFile::name).containsExactly("residents.dat", "households.dat", "seals.dat",
                "seal_images.zip", "suppression_flags.dat", "cardholders.dat");
        assertThat(Files.size(dir.resolve("residents.dat"))).isEqualTo(3 * (FixedLayouts.CATALOG.find("kofu-fixed-v1",
                ResidentsCsv.LAYOUT).orElseThrow().recordLength() + 2));
        BatchManifest manifest = new BatchManifest(TestBatch.KURUME, SourceSystem.JUKIKI, 1, BatchKind.FULL,
                Instant.parse("2026-11-26T00:00:00Z"), files, FIXED);

        assertThat(new JukikiCsvReader().read(dir, manifest).content()).isEqualTo(town);
        // with the city's 対照表 the vendor's 外字 is the character it identified
        ReplicaContent identified = new JukikiCsvReader(new CorrespondenceTable(1,
                Map.of("SJIS:F040", PrintedChar.Ucs.of(0x9AD9)))).read(dir, manifest).content();
        assertThat(identified.residents().get(0).name().toTagged()).startsWith("髙");
    }

    @Test
    void theWriterRefusesCharactersOutsideWindows31jInsteadOfWritingThemWrongly() {
        assertThatThrownBy(() -> new JukikiCsvWriter().write(dir, Samples.town(), FIXED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record 1: name (text, 60 bytes) has a character not in windows-31j");
    }

    @Test
    void aFixedBatchReadAsCsvOrWithAnUnknownLayoutIsRefused() throws Exception {
        ReplicaContent town = inShiftJis(Samples.town());
        List<BatchFile> files = new JukikiCsvWriter().write(dir, town, FIXED);
        BatchManifest unknown = new BatchManifest(TestBatch.KURUME, SourceSystem.JUKIKI, 1, BatchKind.FULL,
                Instant.parse("2026-11-26T00:00:00Z"), files, BatchFormat.fixed("acme-v9"));

        BatchRejectedException e = catchThrowableOfType(() -> new JukikiCsvReader().read(dir, unknown),
                BatchRejectedException.class);

        assertThat(e.problems().get(0).toString()).startsWith(
                "manifest.json layout acme-v9 has no definition for entity residents");
    }

    @Test
    void aNewVendorLayoutIsADefinitionFileNotCode() throws Exception {
        Path layouts = dir.resolve("layouts");
        Files.createDirectories(layouts.resolve("acme-v2"));
        Files.writeString(layouts.resolve("acme-v2/households.layout"), """
                # ACME's household export: version first, a delete flag of its own, head name in kana-free text
                layout  acme-v2
                entity  households
                file    SETAI.DAT
                record  40
                version        0   4  number
                household_id   4  10  string
                op            14   1  op      map=0:U,9:D
                head_name     16  24  text
                """, StandardCharsets.UTF_8);
        java.nio.charset.Charset sjis = java.nio.charset.Charset.forName("windows-31j");
        String records = "0003" + "H000000001" + "0" + " " + "山田　太郎" + " ".repeat(14) + "\r\n"
                + "0001" + "H000000002" + "9" + " " + " ".repeat(24) + "\r\n";
        Files.write(dir.resolve("SETAI.DAT"), records.getBytes(sjis));
        byte[] bytes = Files.readAllBytes(dir.resolve("SETAI.DAT"));
        BatchManifest manifest = new BatchManifest(TestBatch.KURUME, SourceSystem.JUKIKI, 2, BatchKind.DELTA,
                Instant.parse("2026-11-26T00:00:00Z"), List.of(new BatchFile("SETAI.DAT", "households", 2,
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)))),
                BatchFormat.fixed("acme-v2"));

        System.setProperty("kofu.layouts", layouts.toString());
        try {
            var parsed = new JukikiCsvReader().read(dir, manifest);

            assertThat(parsed.content().households()).containsExactly(new Household(
                    new jp.kofu.core.replica.domain.HouseholdId("H000000001"), PrintedText.parse("山田　太郎"), 3));
            assertThat(parsed.deletions().households())
                    .containsExactly(new jp.kofu.core.replica.domain.HouseholdId("H000000002"));
        } finally {
            System.clearProperty("kofu.layouts");
        }
    }

    /** The sample town with every character windows-31j lacks replaced by vendor 外字 SJIS:F040, F041, … */
    static ReplicaContent inShiftJis(ReplicaContent c) {
        List<Resident> residents = new ArrayList<>();
        for (Resident r : c.residents()) {
            residents.add(new Resident(r.key(), r.household(), sjis(r.name()), kana(r.nameKana()),
                    sjis(r.formerSurname()), kana(r.formerSurnameKana()), sjis(r.alias()), r.birthDate(), r.sex(), r.relationship(),
                    sjis(r.address()), sjis(r.addressSupplement()), sjis(r.domicile()), sjis(r.domicileHead()),
                    r.becameResidentOn(), r.addressSetOn(), r.notifiedOn(), sjis(r.addressBeforeMoveIn()),
                    sjis(r.addressBeforeChange()), r.entryReason(), r.individualNumber(), r.residentRecordCode(),
                    r.status(), r.foreign(), r.version()));
        }
        List<Household> households = new ArrayList<>();
        for (Household h : c.households()) {
            households.add(new Household(h.id(), sjis(h.headName()), h.version()));
        }
        List<SealRegistration> seals = new ArrayList<>();
        for (SealRegistration s : c.seals()) {
            seals.add(new SealRegistration(s.person(), s.registrationNumber(), s.image(), sjis(s.registeredName()),
                    s.registeredOn(), s.status(), s.version()));
        }
        return new ReplicaContent(residents, households, seals, c.suppressionFlags(), c.cardholders(), List.of());
    }

    /** Kana with the full-width space between surname and given name, which a kana field carries as 0x20. */
    static PrintedText kana(PrintedText kana) {
        return PrintedText.parse(kana.toTagged().replace(' ', '\u3000'));
    }

    /** Vendor codes in the order characters first need one. */
    private static final Map<String, String> CODES = new java.util.concurrent.ConcurrentHashMap<>();

    static PrintedText sjis(PrintedText text) {
        List<PrintedChar> out = new ArrayList<>();
        for (PrintedChar ch : text.chars()) {
            boolean fits = ch instanceof PrintedChar.Ucs u && FixedLayout.isWindows31j(u.codePoint());
            out.add(fits ? ch : new PrintedChar.UnidentifiedVendor(CODES.computeIfAbsent(ch.toTagged(),
                    k -> String.format("SJIS:F0%02X", 0x40 + CODES.size()))));
        }
        return PrintedText.of(out);
    }
}
