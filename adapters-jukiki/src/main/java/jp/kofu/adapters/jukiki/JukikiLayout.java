package jp.kofu.adapters.jukiki;

import java.util.List;

/**
 * Entity and file names of the kofu resident-record layout (住民記録システム連携ファイル), as a batch's
 * manifest lists them. The columns are documented in {@code docs/formats/}.
 */
public final class JukikiLayout {

    /** 住民: one row per person (resident or removed). */
    public static final String RESIDENTS = "residents";
    /** 世帯: one row per household. */
    public static final String HOUSEHOLDS = "households";
    /** 印鑑登録: one row per person with a seal registration. */
    public static final String SEALS = "seals";
    /** 印影: the seal impressions as PNG entries of one ZIP archive, referred to by {@link #SEALS}. */
    public static final String SEAL_IMAGES = "seal_images";
    /** 発行抑止: one row per suppression flag. */
    public static final String SUPPRESSION_FLAGS = "suppression_flags";
    /** 利用者証明用電子証明書の紐付け: one row per certificate. */
    public static final String CARDHOLDERS = "cardholders";

    /** Every entity of the source, in the order the writer writes them. */
    public static final List<String> ENTITIES = List.of(
            RESIDENTS, HOUSEHOLDS, SEALS, SEAL_IMAGES, SUPPRESSION_FLAGS, CARDHOLDERS);

    private JukikiLayout() {
    }

    /**
     * The file name the writer gives an entity's file: {@code seal_images.zip} for the seal images, the
     * entity name and {@code .csv} for the others.
     */
    public static String fileName(String entity) {
        return entity.equals(SEAL_IMAGES) ? "seal_images.zip" : entity + ".csv";
    }
}
