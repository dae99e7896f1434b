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
