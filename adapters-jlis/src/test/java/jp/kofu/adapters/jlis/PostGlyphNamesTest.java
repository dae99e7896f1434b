package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PostGlyphNamesTest {

    /** More custom names than 32,767 − 258, so the last glyphs' name indices need all 16 bits. */
    private static final int FILLER = 33_000;

    @Test
    void findsAnMjGlyphWhoseNameIndexIsAbove32767() {
        PostGlyphNames names = PostGlyphNames.parse(largePost());

        int last = FILLER + 2;
        assertThat(names.glyphOfMj(37229)).isEqualTo(last);
        assertThat(names.nameOf(last)).isEqualTo("mj037229");
    }

    @Test
    void findsAnMjGlyphWithALowIndex() {
        PostGlyphNames names = PostGlyphNames.parse(largePost());

        assertThat(names.glyphOfMj(1)).isEqualTo(1);
        assertThat(names.nameOf(1)).isEqualTo("mj000001");
    }

    @Test
    void aGlyphWithAStandardMacintoshNameHasTheEmptyName() {
        PostGlyphNames names = PostGlyphNames.parse(largePost());

        assertThat(names.nameOf(0)).isEmpty();
    }

    @Test
    void anUnknownMjNumberOrGlyphGivesNothing() {
        PostGlyphNames names = PostGlyphNames.parse(largePost());

        assertThat(names.glyphOfMj(999_999)).isZero();
        assertThat(names.glyphOfMj(2)).isZero();
        assertThat(names.nameOf(-1)).isEmpty();
        assertThat(names.nameOf(10_000_000)).isEmpty();
    }

    @Test
    void onlyNamesOfTheExactFormMjAndSixDigitsCount() {
        byte[] post = post(List.of("mj12345", "mj01234a", "mj0000123", "MJ000007", "mj000008"));

        PostGlyphNames names = PostGlyphNames.parse(post);

        assertThat(names.mjGlyphCount()).isEqualTo(1);
        assertThat(names.glyphOfMj(8)).isEqualTo(5);
        assertThat(names.nameOf(1)).isEqualTo("mj12345");
    }

    @Test
    void theFirstOfTwoGlyphsWithTheSameNameWins() {
        byte[] post = post(List.of("mj000009", "mj000009"));

        assertThat(PostGlyphNames.parse(post).glyphOfMj(9)).isEqualTo(1);
    }

    @Test
    void aTableOfAnotherVersionHasNoNames() {
        byte[] post = new byte[32];
        post[1] = 3; // version 3.0

        PostGlyphNames names = PostGlyphNames.parse(post);

        assertThat(names.mjGlyphCount()).isZero();
        assertThat(names.nameOf(1)).isEmpty();
    }

    @Test
    void aTruncatedTableIsRejected() {
        byte[] post = post(List.of("mj000001", "mj000002"));
        byte[] cut = Arrays.copyOf(post, post.length - 5);

        assertThatThrownBy(() -> PostGlyphNames.parse(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs past its end");
    }

    @Test
    void aTableEndingBeforeItsNamesIsRejected() {
        byte[] post = post(List.of("mj000001", "mj000002"));
        byte[] cut = Arrays.copyOf(post, 34 + 2 * 3 + 9);

        assertThatThrownBy(() -> PostGlyphNames.parse(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends after 1 of 2");
    }

    /** Glyph 0 .notdef (standard), glyph 1 mj000001, FILLER filler glyphs, then mj037229 last. */
    private static byte[] largePost() {
        List<String> names = new ArrayList<>();
        names.add("mj000001");
        for (int i = 0; i < FILLER; i++) {
            names.add("g" + i);
        }
        names.add("mj037229");
        return post(names);
    }

    /** A format 2.0 post table: glyph 0 is .notdef, glyph i (i ≥ 1) has custom name i − 1. */
    private static byte[] post(List<String> customNames) {
        CmapFormat14Test.Bytes b = new CmapFormat14Test.Bytes();
        b.u32(0x0002_0000);
        for (int i = 0; i < 28; i++) {
            b.u8(0);
        }
        b.u16(customNames.size() + 1);
        b.u16(0);
        for (int i = 0; i < customNames.size(); i++) {
            b.u16(258 + i);
        }
        for (String name : customNames) {
            byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
            b.u8(ascii.length).append(ascii);
        }
        return b.toArray();
    }
}
