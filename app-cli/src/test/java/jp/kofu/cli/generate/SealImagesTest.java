package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.SealImage;

class SealImagesTest {

    @Test
    void a_seal_is_a_small_two_colour_png_with_red_ink_on_a_transparent_ground() throws IOException {
        SealImage seal = new SealImages().image("古賀", false, 13.5);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(seal.png()));

        assertThat(seal.png().length).isBetween(200, 2_000);
        assertThat(seal.widthMm()).isEqualTo(13.5);
        assertThat(seal.heightMm()).isEqualTo(13.5);
        assertThat(img.getWidth()).isEqualTo(SealImages.PIXELS);
        int centreTop = img.getRGB(SealImages.PIXELS / 2, 3);
        int corner = img.getRGB(0, 0);
        assertThat(centreTop >>> 24).as("the border is opaque").isEqualTo(0xFF);
        assertThat((centreTop >> 16) & 0xFF).as("and red").isGreaterThan(0xA0);
        assertThat(corner >>> 24).as("outside the circle is transparent").isZero();
    }

    @Test
    void the_same_text_and_size_give_the_same_image_and_drawing_happens_once() {
        SealImages images = new SealImages();
        SealImage a = images.image("田中", false, 12.0);
        SealImage b = images.image("田中", false, 15.0);
        SealImage c = images.image("田中", false, 12.0);

        assertThat(c).isSameAs(a);
        assertThat(b.png()).isEqualTo(a.png());
        assertThat(images.drawnImages()).isEqualTo(1);
        assertThat(new SealImages().image("田中", false, 12.0)).isEqualTo(a);
    }

    @Test
    void square_seals_and_four_character_seals_differ_from_round_ones() {
        SealImages images = new SealImages();

        assertThat(images.image("田中", true, 12.0).png()).isNotEqualTo(images.image("田中", false, 12.0).png());
        assertThat(images.image("佐々木", false, 12.0).png()).isNotEqualTo(images.image("佐々木花", false, 12.0).png());
    }
}
