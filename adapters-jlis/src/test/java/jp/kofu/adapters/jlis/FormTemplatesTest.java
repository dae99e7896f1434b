package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aJuminhyo;
import static jp.kofu.adapters.jlis.Certificates.aMember;
import static jp.kofu.adapters.jlis.Certificates.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The declarative forms: the bundled sets load, a tenant gets its own form, a city's directory replaces
 * the bundled files, and every kind of error in a form file is reported with the file and the JSON path
 * when the forms are loaded.
 */
class FormTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode bundled(String set, CertificateKind kind) throws IOException {
        try (InputStream in = FormTemplates.class.getResourceAsStream("forms/" + set + "/" + kind.cliName() + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** Writes a changed copy of the default form of the kind as the tenant's file in a city directory. */
    private Path cityForm(CertificateKind kind, UnaryOperator<ObjectNode> change) throws IOException {
        Path set = Files.createDirectories(dir.resolve("401005"));
        Path file = set.resolve(kind.cliName() + ".json");
        Files.writeString(file, JSON.writeValueAsString(change.apply(bundled("default", kind))));
        return file;
    }

    @Test
    void theBundledSetsLoadWithADefaultFormPerKindAndKurumesOwn() {
        FormTemplates forms = FormTemplates.bundled();

        assertThat(forms.sets()).contains("default", "402036");
        for (CertificateKind kind : CertificateKind.values()) {
            assertThat(forms.source("402036", kind)).isEqualTo("forms/402036/" + kind.cliName() + ".json");
            assertThat(forms.source("401005", kind)).isEqualTo("forms/default/" + kind.cliName() + ".json");
            assertThat(forms.template("", kind).membersPerSheet()).isEqualTo(kind == CertificateKind.JUMINHYO ? 4 : 1);
        }
    }

    @Test
    void kurumesFormIsChosenByTenantAndDiffersVisibly() {
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont();
        CertificateContent.Juminhyo content = aJuminhyo(aMember("久留米　太郎").build());

        String standard = textOf(renderer.render(content, RenderOptions.plain()));
        String kurume = textOf(renderer.render(content, new RenderOptions("", "402036")));

        assertThat(standard).contains("証明書番号", "この写しは、住民票の原本と相違ないことを証明する。")
                .doesNotContain("交付番号");
        assertThat(kurume).contains("交付番号", "この写しは、住民票の原本と相違ないことを証明します。", "氏　名")
                .doesNotContain("証明書番号");
    }

    @Test
    void kurumesOfficialSealImageIsOneImageObjectDrawnAtItsPosition() throws IOException {
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont();
        byte[] pdf = renderer.render(aJuminhyo(Certificates.household(6).toArray(CertificateContent.Member[]::new)),
                new RenderOptions("", "402036"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            Set<Object> images = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(image.getCOSObject());
                        assertThat(image.getWidth()).isEqualTo(200);
                    }
                }
            }
            assertThat(images).as("the 公印 image, once in the document").hasSize(1);
        }
    }

    @Test
    void aCityDirectoryReplacesTheBundledFormOfItsTenant() throws IOException {
        cityForm(CertificateKind.JUMINHYO, form -> {
            form.with("attestation").put("text", "上記は住民票の写しに相違ないことを証明する。（市の様式）");
            form.put("membersPerSheet", 2);
            return form;
        });
        FormTemplates forms = FormTemplates.withDirectory(dir);
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont(forms);

        byte[] pdf = renderer.render(aJuminhyo(Certificates.household(3).toArray(CertificateContent.Member[]::new)),
                new RenderOptions("", "401005"));

        assertThat(textOf(pdf)).contains("（市の様式）", "1/2", "2/2");
        assertThat(forms.source("401005", CertificateKind.INKAN)).isEqualTo("forms/default/inkan.json");
    }

    @Test
    void anUnknownBoxIsReportedWithFileAndPath() throws IOException {
        Path file = cityForm(CertificateKind.JUMINHYO, form -> {
            form.with("boxes").set("favouriteColour", form.get("boxes").get("sex").deepCopy());
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .isInstanceOf(FormTemplates.FormTemplateException.class)
                .hasMessageStartingWith(file + ": $.boxes.favouriteColour: unknown box");
    }

    @Test
    void anUnknownBoxInARowIsReportedWithItsIndex() throws IOException {
        Path file = cityForm(CertificateKind.INKAN, form -> {
            ((ArrayNode) form.get("sections").get("person").get(1)).add("shoeSize");
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessage(file + ": $.sections.person[1][1]: unknown box shoeSize");
    }

    @Test
    void aMinimumSizeAboveTheDesignedSizeIsReported() throws IOException {
        Path file = cityForm(CertificateKind.SHOTOKU, form -> {
            form.with("boxes").with("name").put("minFontSize", 14);
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessage(file + ": $.boxes.name.minFontSize: (14.0) is larger than fontSize (11.5)");
    }

    @Test
    void overlappingFixedAreasAreReported() throws IOException {
        Path file = cityForm(CertificateKind.INKAN, form -> {
            form.with("continuation").put("y", 400);
            form.with("attestation").put("y", 620);
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessage(file + ": $.continuation: overlaps $.attestation");
    }

    @Test
    void aRequiredBoxInNoRowIsReported() throws IOException {
        Path file = cityForm(CertificateKind.JUMINHYO, form -> {
            ArrayNode member = (ArrayNode) form.get("sections").get("member");
            member.remove(0); // the row of 氏名, 生年月日, 性別
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessage(file + ": $.sections.member: the required box name is in no row");
    }

    @Test
    void aRowWiderThanThePageIsReported() throws IOException {
        Path file = cityForm(CertificateKind.JUMINHYO, form -> {
            form.with("boxes").with("birthDate").put("width", 400);
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessageStartingWith(file + ": $.sections.member[0]: is 734 pt wide");
    }

    @Test
    void aMissingSealImageAndAMissingDirectoryAreReported() throws IOException {
        Path file = cityForm(CertificateKind.INKAN, form -> {
            form.with("officialSeal").put("image", "seal.png");
            return form;
        });

        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessage(file + ": $.officialSeal.image: missing file seal.png");
        assertThatThrownBy(() -> FormTemplates.withDirectory(dir.resolve("nowhere")))
                .hasMessage(dir.resolve("nowhere") + ": $: missing form directory");
    }

    @Test
    void brokenJsonAndATypoInAFieldNameAreReported() throws IOException {
        Path set = Files.createDirectories(dir.resolve("401005"));
        Files.writeString(set.resolve("shotoku.json"), "{ \"kind\": \"shotoku\", ", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessageStartingWith(set.resolve("shotoku.json") + ": $: not valid JSON at line 1");

        Files.delete(set.resolve("shotoku.json"));
        Path file = cityForm(CertificateKind.SHOTOKU, form -> {
            form.with("boxes").with("name").put("fontSise", 10);
            return form;
        });
        assertThatThrownBy(() -> FormTemplates.withDirectory(dir))
                .hasMessage(file + ": $.boxes.name.fontSise: unknown field");
    }

    @Test
    void aCityRelabelsAndMovesShotokuTableColumnsThroughItsFormFileAlone() throws IOException {
        cityForm(CertificateKind.SHOTOKU, form -> {
            ObjectNode tables = form.with("tables");
            ((ObjectNode) tables.get("incomes").get("columns").get(0)).put("label", "所得区分");
            ArrayNode dependants = (ArrayNode) tables.get("dependants").get("columns");
            ObjectNode relationship = (ObjectNode) dependants.remove(2);
            relationship.put("label", "本人との続柄").put("width", 120);
            dependants.insert(1, relationship); // 続柄 before 氏名
            return form;
        });
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont(FormTemplates.withDirectory(dir));
        var content = Certificates.aShotoku(150_000, 5_000,
                List.of(new TaxRecord.Dependant(Certificates.text("久留米　桜"), "妻", false)));

        byte[] city = renderer.render(content, new RenderOptions("", "401005"));
        byte[] standard = renderer.render(content, new RenderOptions("", "401006"));

        assertThat(textOf(city)).contains("所得区分", "本人との続柄").doesNotContain("所得の種類");
        assertThat(textOf(standard)).contains("所得の種類", "続柄").doesNotContain("所得区分", "本人との続柄");
        FormTemplate.Table table = FormTemplates.withDirectory(dir).template("401005", CertificateKind.SHOTOKU)
                .tables().orElseThrow().dependants();
        FormTemplate.Column moved = table.column("relationship");
        FormTemplate.Column name = table.column("name");
        GlyphLayout layout = GlyphLayout.of(city);
        GlyphLayout.Glyph wife = glyph(layout, "妻");
        GlyphLayout.Glyph sakura = glyph(layout, "桜");
        assertThat(moved.x()).isLessThan(name.x());
        assertThat(wife.x()).as("続柄 prints in its moved column").isBetween(moved.x(), moved.x() + moved.width());
        assertThat(sakura.x()).as("氏名 prints after it").isBetween(name.x(), name.x() + name.width());
        assertThat(wife.baseline()).isCloseTo(sakura.baseline(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(glyph(GlyphLayout.of(standard), "妻").x()).as("the default form keeps 続柄 on the right")
                .isGreaterThan(glyph(GlyphLayout.of(standard), "桜").x());
    }

    private static GlyphLayout.Glyph glyph(GlyphLayout layout, String text) {
        List<GlyphLayout.Glyph> found = layout.glyphs().stream().filter(g -> g.text().equals(text)).toList();
        assertThat(found).as("one glyph " + text).hasSize(1);
        return found.get(0);
    }

    @Test
    void shotokuTableErrorsAreReportedWithFileAndPath() throws IOException {
        assertTableError(t -> ((ObjectNode) t.get("incomes").get("columns").get(1)).put("id", "bonus"),
                "$.tables.incomes.columns[1].id: unknown column bonus (the incomes table knows kind, revenue, amount)");
        assertTableError(t -> ((ArrayNode) t.get("deductions").get("columns")).remove(0),
                "$.tables.deductions.columns: the column kind is missing");
        assertTableError(t -> ((ObjectNode) t.get("dependants").get("columns").get(2)).put("width", 0),
                "$.tables.dependants.columns[2].width: a second column of width 0 (only one takes the rest of the table)");
        assertTableError(t -> ((ObjectNode) t.get("tax").get("columns").get(3)).put("width", 200),
                "$.tables.tax.columns: no column has width 0 to take the rest of the table's width");
        assertTableError(t -> ((ObjectNode) t.get("tax").get("columns").get(0)).put("width", 400),
                "$.tables.tax.columns: the fixed widths (655 pt) leave nothing for column totalTax in the table's 510 pt");
        assertTableError(t -> {
            ArrayNode columns = (ArrayNode) t.get("incomes").get("columns");
            columns.insert(0, columns.remove(2));
        }, "$.tables.incomes.columns[0].id: the amount column must be the last (the total prints under it)");
        assertTableError(t -> ((ObjectNode) t.get("tax")).put("minFontSize", 12),
                "$.tables.tax.minFontSize: (12.0) is larger than fontSize (10.0)");
        assertTableError(t -> ((ObjectNode) t.get("dependants")).put("rowHeight", 5),
                "$.tables.dependants.rowHeight: (5.0) cannot hold one line at minFontSize");
        assertTableError(t -> ((ObjectNode) t.get("deductions")).put("x", 400),
                "$.tables.deductions: lies outside the page's margins");
        assertTableError(t -> ((ObjectNode) t.get("deductions")).put("x", 250).put("width", 200),
                "$.tables.deductions: overlaps $.tables.incomes (the two tables sit side by side)");
        assertTableError(t -> ((ObjectNode) t.get("dependants")).remove("footnote"),
                "$.tables.dependants.footnote: missing");
        assertTableError(t -> ((ObjectNode) t.get("tax")).put("totalLabel", "合計"),
                "$.tables.tax.totalLabel: unknown field");
        assertTableError(t -> t.remove("dependants"), "$.tables.dependants: missing");
    }

    private void assertTableError(java.util.function.Consumer<ObjectNode> change, String pathAndReason)
            throws IOException {
        Path file = cityForm(CertificateKind.SHOTOKU, form -> {
            change.accept(form.with("tables"));
            return form;
        });
        assertThatThrownBy(() -> FormTemplates.withDirectory(dir)).hasMessage(file + ": " + pathAndReason);
    }

    @Test
    void onlyTheShotokuFormHasTablesAndItCannotDoWithout() throws IOException {
        Path inkan = cityForm(CertificateKind.INKAN, form -> {
            form.set("tables", JSON.createObjectNode());
            return form;
        });
        assertThatThrownBy(() -> FormTemplates.withDirectory(dir)).hasMessage(inkan + ": $.tables: only the shotoku form has tables");
        Files.delete(inkan);

        Path shotoku = cityForm(CertificateKind.SHOTOKU, form -> {
            form.remove("tables");
            return form;
        });
        assertThatThrownBy(() -> FormTemplates.withDirectory(dir)).hasMessage(shotoku + ": $.tables: missing");
    }

    @Test
    void theIndividualSheetStyleIsOnePersonPerSheet() throws IOException {
        cityForm(CertificateKind.JUMINHYO, form -> form.put("membersPerSheet", 1));
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont(FormTemplates.withDirectory(dir));

        byte[] pdf = renderer.render(aJuminhyo(Certificates.household(3).toArray(CertificateContent.Member[]::new)),
                new RenderOptions("", "401005"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
    }

    @Test
    void theInkanFrameFollowsTheTemplate() throws IOException {
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont();
        CertificateContent.Inkan inkan = Certificates.anInkan(new SealImage(Certificates.sealPng(), 15, 15));

        var standard = renderer.renderTraced(inkan, RenderOptions.plain());
        var kurume = renderer.renderTraced(inkan, new RenderOptions("", "402036"));

        Sheet.Placement standardName = standard.placements().stream().filter(p -> p.item().equals("氏名"))
                .findFirst().orElseThrow();
        Sheet.Placement kurumeName = kurume.placements().stream().filter(p -> p.item().equals("氏名"))
                .findFirst().orElseThrow();
        assertThat(standardName.x()).as("beside a frame on the left").isGreaterThan(200);
        assertThat(kurumeName.x()).as("beside a frame on the right").isLessThan(150);
    }

    @Test
    void theSameContentGivesTheSameBytesWithTheSealImageAndContinuationSheetsOnSeparateRenderers() {
        CertificateContent.Juminhyo content = new CertificateContent.Juminhyo(
                Certificates.attestation("この写しは、世帯全員の住民票の原本と相違ないことを証明する。"),
                Certificates.text(TextOverflowTest.chars("福岡県久留米市城南町十五番地三　", 250)),
                Certificates.text("城南ハイツ201号"), Certificates.text("久留米　太郎"), Certificates.household(6),
                "【空欄】");
        RenderOptions kurume = new RenderOptions("", "402036");

        byte[] first = PdfCertificateRenderer.withBundledFont().render(content, kurume);
        byte[] second = PdfCertificateRenderer.withBundledFont(FormTemplates.bundled()).render(content, kurume);

        assertThat(first).isEqualTo(second);
        String raw = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("/ModDate");
        assertThat(textOf(first)).contains("3/3", "備考（続き）");
    }

    @Test
    void theConfiguredDirectoryIsCheckedWhenTheModuleIsBuiltSoABadFormStopsTheStartUp() throws IOException {
        Path file = cityForm(CertificateKind.SHOTOKU, form -> {
            form.with("boxes").with("address").put("height", 2);
            return form;
        });
        System.setProperty(FormTemplates.DIRECTORY_PROPERTY, dir.toString());
        try {
            assertThatThrownBy(JlisModule::new)
                    .isInstanceOf(FormTemplates.FormTemplateException.class)
                    .hasMessage(file + ": $.boxes.address.height: (2.0) cannot hold one line at minFontSize");
        } finally {
            System.clearProperty(FormTemplates.DIRECTORY_PROPERTY);
        }
        assertThat(new JlisModule()).isNotNull();
    }
}
