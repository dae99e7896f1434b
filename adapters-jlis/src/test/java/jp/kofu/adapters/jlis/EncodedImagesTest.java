package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EncodedImagesTest {

    private static byte[] png(int type, Color color) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillOval(3, 2, 30, 25);
        g.setColor(Color.BLUE);
        g.drawLine(0, 29, 39, 0);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] raw(COSStream stream) throws IOException {
        try (InputStream in = stream.createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY})
    void theCopyIsTheImagePdfBoxMakesWithTheSameBytesAndPixelsAlsoAfterSavingAndParsingBack(int type) throws IOException {
        byte[] png = png(type, new Color(210, 20, 26, 180));
        try (PDDocument direct = new PDDocument(); PDDocument cached = new PDDocument()) {
            PDImageXObject expected = PDImageXObject.createFromByteArray(direct, png, "seal.png");
            PDImageXObject first = EncodedImages.of(cached, png, "seal.png");
            PDImageXObject second = EncodedImages.of(cached, png, "seal.png");
            assertThat(second.getCOSObject()).isNotSameAs(first.getCOSObject());
            for (PDImageXObject actual : new PDImageXObject[] {first, second}) {
                assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
                assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
                assertThat(actual.getBitsPerComponent()).isEqualTo(expected.getBitsPerComponent());
                assertThat(actual.getCOSObject().keySet()).isEqualTo(expected.getCOSObject().keySet());
                assertThat(raw(actual.getCOSObject())).isEqualTo(raw(expected.getCOSObject()));
                assertThat(actual.getSoftMask() == null).isEqualTo(expected.getSoftMask() == null);
                if (expected.getSoftMask() != null) {
                    assertThat(raw(actual.getSoftMask().getCOSObject())).isEqualTo(raw(expected.getSoftMask().getCOSObject()));
                }
                assertThat(pixels(actual.getImage())).isEqualTo(pixels(expected.getImage()));
            }
            // drawn, saved and parsed back, the image reads as the original
            PDPage page = new PDPage();
            cached.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(cached, page)) {
                content.drawImage(first, 10, 10, 40, 30);
            }
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            cached.save(saved);
            try (PDDocument parsed = Loader.loadPDF(saved.toByteArray())) {
                COSName name = parsed.getPage(0).getResources().getXObjectNames().iterator().next();
                PDImageXObject back = (PDImageXObject) parsed.getPage(0).getResources().getXObject(name);
                assertThat(pixels(back.getImage())).isEqualTo(pixels(expected.getImage()));
            }
        }
    }

    @Test
    void anotherPngUnderTheSameFileNameGivesItsOwnImage() throws IOException {
        byte[] red = png(BufferedImage.TYPE_INT_RGB, Color.RED);
        byte[] green = png(BufferedImage.TYPE_INT_RGB, Color.GREEN);
        try (PDDocument doc = new PDDocument()) {
            int[] a = pixels(EncodedImages.of(doc, red, "seal.png").getImage());
            int[] b = pixels(EncodedImages.of(doc, green, "seal.png").getImage());
            assertThat(a).isNotEqualTo(b);
            assertThat(b).isEqualTo(pixels(PDImageXObject.createFromByteArray(doc, green, "seal.png").getImage()));
        }
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        try (PDDocument doc = new PDDocument()) {
            assertThatThrownBy(() -> EncodedImages.of(doc, "not a png".getBytes(), "seal.png"))
                    .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
