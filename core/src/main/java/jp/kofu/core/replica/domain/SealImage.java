package jp.kofu.core.replica.domain;

import java.util.Arrays;

/**
 * 印影 (seal impression) as a PNG image with its registered physical size, so the certificate prints it
 * at that size.
 *
 * @param png the PNG bytes
 * @param widthMm registered width in millimetres
 * @param heightMm registered height in millimetres
 */
public record SealImage(byte[] png, double widthMm, double heightMm) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public SealImage {
        if (png == null || png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), PNG_SIGNATURE)) {
            throw new IllegalArgumentException("印影 must be a PNG image");
        }
        if (widthMm <= 0 || heightMm <= 0 || widthMm > 50 || heightMm > 50) {
            throw new IllegalArgumentException("印影 size must be within 0-50 mm");
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealImage s && Arrays.equals(png, s.png) && widthMm == s.widthMm && heightMm == s.heightMm;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(png) * 31 + Double.hashCode(widthMm);
    }

    @Override
    public String toString() {
        return "SealImage[" + png.length + " bytes, " + widthMm + "x" + heightMm + " mm]";
    }
}
