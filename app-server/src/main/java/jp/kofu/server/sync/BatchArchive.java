package jp.kofu.server.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * How a batch travels over the sync interface: a zip of the batch directory's files, flat (a batch directory
 * has no sub-directory), {@code manifest.json} among them. Unpacking refuses paths, duplicates and archives
 * that expand beyond a limit.
 */
public final class BatchArchive {

    private BatchArchive() {
    }

    /** Writes the directory's regular files, sorted by name, as a zip. */
    public static void pack(Path directory, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The zip of the directory as bytes. */
    public static byte[] pack(Path directory) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        pack(directory, bytes);
        return bytes.toByteArray();
    }

    /**
     * Unpacks into an empty directory.
     *
     * @param maxBytes the most the files may hold together
     * @throws IllegalArgumentException when the archive is not a flat batch or too large
     */
    public static void unpack(InputStream in, Path directory, long maxBytes) throws IOException {
        Files.createDirectories(directory);
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || name.isEmpty() || name.contains("/") || name.contains("\\")
                        || name.equals(".") || name.equals("..")) {
                    throw new IllegalArgumentException("the archive holds '" + name + "': a batch is flat files only");
                }
                Path target = directory.resolve(name);
                if (Files.exists(target)) {
                    throw new IllegalArgumentException("the archive holds '" + name + "' twice");
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[65536];
                    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                        total += n;
                        if (total > maxBytes) {
                            throw new IllegalArgumentException("the archive expands beyond " + maxBytes + " bytes");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                entries++;
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException("not a zip archive: " + e.getMessage());
        }
        if (entries == 0) {
            throw new IllegalArgumentException("empty or not a zip archive");
        }
    }
}
