package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort.Glyph;

class IpamjGlyphResolverMjNameTest {

    private final IpamjGlyphResolver resolver = new IpamjGlyphResolver(IpamjFont.shared());

    @Test
    void aCodePointTheFontsCmapPredatesResolvesToTheGlyphOfItsMjCharacter() {
        assertThat(IpamjFont.shared().glyphOfCodePoint(0x9FEE)).isZero();

        assertThat(resolver.resolve(PrintedChar.Ucs.of(0x9FEE)).map(Glyph::glyphName)).contains("mj057449");
        assertThat(resolver.resolve(PrintedChar.Ucs.of(0x9FEF)).map(Glyph::glyphName)).contains("mj060040");
    }

    @Test
    void aCodePointNoMjCharacterImplementsStillResolvesToNothing() {
        assertThat(resolver.resolve(PrintedChar.Ucs.of(0xE012))).isEmpty();
        assertThat(resolver.resolve(PrintedChar.Ucs.of(0x2FFFD))).isEmpty();
    }
}
