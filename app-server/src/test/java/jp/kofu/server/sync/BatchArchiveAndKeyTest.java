package jp.kofu.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** The batch archive refuses anything but flat files within a size; key files are checked line by line. */
class BatchArchiveAndKeyTest {

    @TempDir
    Path dir;

    private static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aBatchDirectoryRoundTripsThroughTheArchive() throws Exception {
        Path batch = Files.createDirectories(dir.resolve("b"));
        Files.writeString(batch.resolve("manifest.json"), "{}");
        Files.writeString(batch.resolve("residents.csv"), "a,b\n");
        BatchArchive.unpack(new ByteArrayInputStream(BatchArchive.pack(batch)), dir.resolve("out"), 1000);
        assertThat(dir.resolve("out/residents.csv")).hasContent("a,b");
        assertThat(dir.resolve("out/manifest.json")).hasContent("{}");
    }

    @Test
    void pathsOutsideTheBatchOversizedArchivesAndNonZipsAreRefused() throws Exception {
        assertThatThrownBy(() -> BatchArchive.unpack(new ByteArrayInputStream(zip("../evil.csv", new byte[1])),
                dir.resolve("x1"), 1000)).hasMessageContaining("'../evil.csv': a batch is flat files only");
        assertThat(dir.resolve("evil.csv")).doesNotExist();
        assertThatThrownBy(() -> BatchArchive.unpack(new ByteArrayInputStream(zip("big.csv", new byte[5000])),
                dir.resolve("x2"), 1000)).hasMessageContaining("expands beyond 1000 bytes");
        assertThatThrownBy(() -> BatchArchive.unpack(new ByteArrayInputStream("not a zip".getBytes()),
                dir.resolve("x3"), 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyFilesNameTheBadLineAndNeverPrintTheSecret() throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# comment\n402036 " + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n402036 short\n");
        assertThatThrownBy(() -> SyncKey.readAll(keys)).hasMessageStartingWith("keys.txt:3:");
        Files.writeString(keys, "402036 " + java.util.Base64.getEncoder().encodeToString(new byte[40]) + "\n");
        SyncKey key = SyncKey.readOne(keys);
        assertThat(key.tenant()).isEqualTo(LocalGovernmentCode.parse("402036"));
        assertThat(key.toString()).isEqualTo("SyncKey[402036]");
    }
}
