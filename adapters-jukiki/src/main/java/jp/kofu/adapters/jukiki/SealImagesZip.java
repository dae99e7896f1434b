package jp.kofu.adapters.jukiki;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.Problems;

/**
 * {@code seal_images.zip}: the seal impressions (印影) as PNG entries of one ZIP archive, each referred to by
 * name from a row of {@code seals.csv}, see docs/formats/seal_images.zip.md.
 *
 * <p>Why an archive rather than base64 in the CSV or loose files in a folder: a town of 300,000 has some
 * 150,000 seals of 1–3 KB each. Base64 would add a third to that and make the CSV parser walk every byte of
 * every image one character at a time (measured: 300 MB, ≈2.7 s of the reading); 150,000 loose files are
 * slow to write, copy and transfer, and the manifest could not cover them with a checksum. One archive
 * listed in the manifest keeps the raw bytes, one SHA-256 and random access by name.
 */
final class SealImagesZip implements Closeable {

    /** No impression is anywhere near this; it stops a malformed entry from exhausting the heap. */
    static final int MAX_IMAGE_BYTES = 1 << 20;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A fixed entry time, so that the same content always gives the same bytes and SHA-256. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final ZipFile zip;
    private final String file;

    private SealImagesZip(ZipFile zip, String file) {
        this.zip = zip;
        this.file = file;
    }

    /** Opens the archive, or reports why it cannot be read and returns null. */
    static SealImagesZip open(Path directory, String file, Problems problems) {
        try {
            return new SealImagesZip(new ZipFile(directory.resolve(file).toFile()), file);
        } catch (NoSuchFileException e) {
            problems.add(InputProblem.ofFile(file, "is missing from the batch directory"));
        } catch (ZipException e) {
            problems.add(InputProblem.ofFile(file, "is not a readable ZIP archive"));
        } catch (IOException e) {
            if (!Files.exists(directory.resolve(file))) {
                problems.add(InputProblem.ofFile(file, "is missing from the batch directory"));
            } else {
                problems.add(InputProblem.ofFile(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return null;
    }

    String file() {
        return file;
    }

    int entries() {
        return zip.size();
    }

    /** The PNG of the named entry; on any problem it is reported on the row's column and null returned. */
    byte[] png(String name, Cells c, int column) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            c.problem(column, "no entry " + Cells.show(name) + " in " + file);
            return null;
        }
        if (entry.getSize() > MAX_IMAGE_BYTES) {
            c.problem(column, "entry " + Cells.show(name) + " in " + file + " is larger than 1 MiB");
            return null;
        }
        byte[] png;
        try (InputStream in = zip.getInputStream(entry)) {
            long size = entry.getSize();
            if (size >= 0) {
                // the central directory knows the size: one exact array, no intermediate buffers
                png = new byte[(int) size];
                if (in.readNBytes(png, 0, png.length) != png.length) {
                    c.problem(column, "entry " + Cells.show(name) + " in " + file + " is truncated");
                    return null;
                }
            } else {
                png = in.readNBytes(MAX_IMAGE_BYTES + 1);
            }
        } catch (IOException e) {
            c.problem(column, "entry " + Cells.show(name) + " in " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (png.length > MAX_IMAGE_BYTES) {
            c.problem(column, "entry " + Cells.show(name) + " in " + file + " is larger than 1 MiB");
            return null;
        }
        if (png.length < PNG_SIGNATURE.length || !Arrays.equals(png, 0, PNG_SIGNATURE.length,
                PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            c.problem(column, "entry " + Cells.show(name) + " in " + file + " is not a PNG image (no PNG signature)");
            return null;
        }
        return png;
    }

    /** Whether a value may name an entry: a flat file name, no folders, not hidden. */
    static boolean isEntryName(String name) {
        int n = name.length();
        if (n < 1 || n > 100 || name.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only archive: nothing was lost
        }
    }

    // ---------------------------------------------------------------- writing

    /** The archive written and the entry name of each seal, in the order of the seals. */
    record Written(BatchFile file, List<String> entryNames) {
    }

    /**
     * Writes the archive: one stored (uncompressed: PNG is compressed already) entry per distinct image,
     * named after the person key of the first seal with that image.
     */
    private static String contentName(byte[] png) {
        return HexFormat.of().formatHex(sha256().digest(png), 0, 12) + ".png";
    }

    static Written write(Path directory, List<SealRegistration> seals) throws IOException {
        String file = JukikiLayout.fileName(JukikiLayout.SEAL_IMAGES);
        MessageDigest sha256 = sha256();
        Map<ImageBytes, String> names = new HashMap<>();
        String[] entryNames = new String[seals.size()];
        try (ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(file)), 1 << 16), sha256))) {
            zip.setMethod(ZipOutputStream.STORED);
            for (int i = 0; i < seals.size(); i++) {
                SealRegistration seal = seals.get(i);
                byte[] png = seal.image().png();
                ImageBytes image = new ImageBytes(png);
                String name = names.get(image);
                if (name == null) {
                    // named after the content: a person may hold several registrations (an abolished
                    // one and its successor) with different impressions, and equal images share one entry
                    name = contentName(png);
                    names.put(image, name);
                    zip.putNextEntry(storedEntry(name, png));
                    zip.write(png);
                    zip.closeEntry();
                }
                entryNames[i] = name;
            }
        }
        BatchFile written = new BatchFile(file, JukikiLayout.SEAL_IMAGES, names.size(),
                HexFormat.of().formatHex(sha256.digest()));
        return new Written(written, List.of(entryNames));
    }

    private static ZipEntry storedEntry(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /** PNG bytes as a map key, so that a town reusing images stores each once. */
    private record ImageBytes(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ImageBytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
