package jp.kofu.core.gaiji.port.in;

import java.util.OptionalInt;

import jp.kofu.core.gaiji.domain.IdentificationSheet;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The 文字同定 review sheet (文字同定確認票) of a correspondence table version: each vendor code with its
 * identified character printed large, the MJ id and the keys, for the city's confirmation.
 */
public interface RenderIdentificationSheetUseCase {

    /**
     * The sheet's content.
     *
     * @param version the version, or empty for the latest
     * @throws java.util.NoSuchElementException when the tenant has no such version
     */
    IdentificationSheet sheet(LocalGovernmentCode tenant, OptionalInt version);

    /** The sheet as a PDF. */
    byte[] render(LocalGovernmentCode tenant, OptionalInt version);
}
