package jp.kofu.adapters.jlis;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;

/**
 * Renders certificates (証明書) as PDFs with Apache PDFBox and IPAmj Mincho in the tenant's declarative
 * form ({@link FormTemplate}, docs/forms.md): 住民票の写し (世帯連記式, continued over several sheets),
 * 印鑑登録証明書 and 所得課税証明書 / 非課税証明書, each ending with the attestation block and the 公印 (the
 * tenant's image, or a drawn mark). Text too long for its box shrinks, wraps, then continues in a 備考/続き
 * area with a reference mark (文字溢れ); it is never cut.
 *
 * <p>Every character, labels included, is resolved through the {@link GlyphResolutionPort} and written by
 * glyph id into a per-document subset of the font; a character without an exact glyph fails the whole
 * rendering with a {@link RenderingException} naming the item and the character's position, never its
 * text. The PDF's text extracts back to {@code PrintedText.toUnicode()} (variation selectors and
 * characters beyond the BMP included; MJ-only characters as 〓).
 *
 * <p>Thread-safe and stateless per call: each rendering has its own document; the shared font is only read.
 * Deterministic: the same content and options give the same bytes.
 */
public final class PdfCertificateRenderer implements CertificateRendererPort {

    private final IpamjFont font;
    private final GlyphResolutionPort glyphs;
    private final FormTemplates forms;

    /**
     * @param font the certificate font; the glyph ids {@code glyphs} returns are ids in this font
     * @param glyphs the glyph resolution, normally an {@link IpamjGlyphResolver} over the same font
     * @param forms the tenants' forms, loaded and validated
     */
    @Inject
    public PdfCertificateRenderer(IpamjFont font, GlyphResolutionPort glyphs, FormTemplates forms) {
        this.font = Objects.requireNonNull(font, "font");
        this.glyphs = Objects.requireNonNull(glyphs, "glyphs");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    /** A renderer with the bundled forms. */
    public PdfCertificateRenderer(IpamjFont font, GlyphResolutionPort glyphs) {
        this(font, glyphs, FormTemplates.bundled());
    }

    /** A renderer over the bundled font, resolving glyphs in it, with the bundled forms. */
    public static PdfCertificateRenderer withBundledFont() {
        return withBundledFont(FormTemplates.bundled());
    }

    /** A renderer over the bundled font with these forms. */
    public static PdfCertificateRenderer withBundledFont(FormTemplates forms) {
        IpamjFont font = IpamjFont.shared();
        return new PdfCertificateRenderer(font, new IpamjGlyphResolver(font), forms);
    }

    @Override
    public byte[] render(CertificateContent content, RenderOptions options) {
        return render(content, options, false).pdf();
    }

    /** A rendering with where each text went (the tests check the layout with it). */
    record Traced(byte[] pdf, List<Sheet.Placement> placements) {
    }

    Traced renderTraced(CertificateContent content, RenderOptions options) {
        return render(content, options, true);
    }

    private Traced render(CertificateContent content, RenderOptions options, boolean trace) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        FormTemplate template = forms.template(options.tenant(), content.kind());
        try (CertificatePdf pdf = new CertificatePdf(font, glyphs, template, trace)) {
            if (content instanceof CertificateContent.Juminhyo juminhyo) {
                JuminhyoForm.draw(pdf, juminhyo);
            } else if (content instanceof CertificateContent.Inkan inkan) {
                InkanForm.draw(pdf, inkan);
            } else if (content instanceof CertificateContent.Shotoku shotoku) {
                ShotokuForm.draw(pdf, shotoku);
            } else {
                throw new RenderingException("no form for certificate kind " + content.kind());
            }
            FormParts.finish(pdf, content.title(), content.attestation());
            if (!options.watermark().isEmpty()) {
                for (Sheet sheet : pdf.sheets()) {
                    FormParts.watermark(sheet, options.watermark());
                }
            }
            byte[] bytes = pdf.finish(content.title(), content.attestation().issuedOn(),
                    content.attestation().certificateNumber());
            return new Traced(bytes, trace ? List.copyOf(pdf.placements()) : List.of());
        } catch (IOException e) {
            throw new RenderingException("the " + content.kind().cliName() + " PDF could not be written", e);
        }
    }
}
