package jp.kofu.core.sync.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.InputProblem;

/** Checks a batch directory's files against its manifest (presence and SHA-256). */
public final class BatchFiles {

    private BatchFiles() {
    }

    /** Every problem with the files of the batch; empty when all match. */
    public static List<InputProblem> verify(Path directory, BatchManifest manifest) {
        List<InputProblem> problems = new ArrayList<>();
        for (BatchFile file : manifest.files()) {
            Path path = directory.resolve(file.name());
            if (!Files.isRegularFile(path)) {
                problems.add(InputProblem.ofFile(file.name(), "is listed in the manifest but missing"));
                continue;
            }
            try {
                String actual = sha256(path);
                if (!actual.equals(file.sha256())) {
                    problems.add(InputProblem.ofFile(file.name(),
                            "SHA-256 mismatch: manifest says " + file.sha256() + ", file is " + actual));
                }
            } catch (IOException e) {
                problems.add(InputProblem.ofFile(file.name(), "cannot be read: " + e.getMessage()));
            }
        }
        return problems;
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Discards bytes; the digest stream does the work. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
