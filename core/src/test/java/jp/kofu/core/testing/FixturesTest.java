package jp.kofu.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.replica.domain.Resident;

class FixturesTest {

    @Test
    void the_tiny_png_is_a_readable_one_pixel_image() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Fixtures.tinyPng()));

        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1);
        assertThat(image.getHeight()).isEqualTo(1);
    }

    @Test
    void the_two_tenants_are_kurume_and_chiyoda() {
        assertThat(Fixtures.KURUME.value()).isEqualTo("402036");
        assertThat(Fixtures.CHIYODA.value()).isEqualTo("131016");
        assertThat(Fixtures.chiyodaSettings().code()).isEqualTo(Fixtures.CHIYODA);
    }

    @Test
    void a_resident_reads_as_built() {
        Resident r = Fixtures.aResident().withKey("P0001").inHousehold("H001").named("山田　太郎")
                .born(LocalDate.of(1980, 1, 2)).build();

        assertThat(r.key().value()).isEqualTo("P0001");
        assertThat(r.household().value()).isEqualTo("H001");
        assertThat(r.name().toTagged()).isEqualTo("山田　太郎");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1980, 1, 2));
    }

    @Test
    void a_resident_with_every_item_filled_has_no_empty_item() {
        Resident r = Fixtures.aResident().withEveryItemFilled().build();

        assertThat(r.texts()).noneMatch(t -> t.isEmpty());
        assertThat(r.becameResidentOn()).isPresent();
        assertThat(r.addressSetOn()).isPresent();
        assertThat(r.notifiedOn()).isPresent();
        assertThat(r.individualNumber()).isPresent();
        assertThat(r.residentRecordCode()).isPresent();
        assertThat(r.foreign()).isPresent();
        assertThat(r.foreign().orElseThrow().stayExpiresOn()).isPresent();
        assertThat(r.hasUnidentifiedCharacters()).isTrue();
    }

    @Test
    void every_kind_of_character_holds_each_kind_of_printed_character() {
        assertThat(Fixtures.everyKindOfCharacter().chars())
                .hasAtLeastOneElementOfType(PrintedChar.VariationSequence.class)
                .hasAtLeastOneElementOfType(PrintedChar.MjOnly.class)
                .hasAtLeastOneElementOfType(PrintedChar.UnidentifiedVendor.class)
                .contains(new PrintedChar.Ucs(0x20BB7));
    }
}
