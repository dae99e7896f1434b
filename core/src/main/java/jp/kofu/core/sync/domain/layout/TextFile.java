package jp.kofu.core.sync.domain.layout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import jp.kofu.core.sync.domain.InputProblem;

/**
 * A data file opened as text (文字コード): decoded strictly, so that a byte that is not valid in the file's
 * encoding is a problem rather than a replacement character in a name. What a format adapter tokenizes.
 */
public final class TextFile {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final String name;
    private final Charset charset;
    private final Problems problems;
    private final Reader reader;

    private TextFile(Path path, String name, Charset charset, Problems problems, Reader reader) {
        this.path = path;
        this.name = name;
        this.charset = charset;
        this.problems = problems;
        this.reader = reader;
    }

    /**
     * Opens a file of a batch directory for reading in the charset. A UTF-8 byte order mark is reported
     * (the kofu layout has none) and skipped, so that the rest of the file is still checked.
     *
     * @return the file, or null when it is missing or cannot be opened (reported in {@code problems})
     */
    public static TextFile open(Path directory, String file, Charset charset, Problems problems) {
        Path path = directory.resolve(file);
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            if (charset.equals(StandardCharsets.UTF_8)) {
                in.mark(UTF8_BOM.length);
                if (Arrays.equals(in.readNBytes(UTF8_BOM.length), UTF8_BOM)) {
                    problems.add(file, 1, "",
                            "starts with a byte order mark (BOM); the kofu layout is UTF-8 without BOM");
                } else {
                    in.reset();
                }
            }
            return new TextFile(path, file, charset, problems, new InputStreamReader(in, strict(charset)));
        } catch (NoSuchFileException e) {
            closeQuietly(in);
            problems.add(InputProblem.ofFile(file, "is missing from the batch directory"));
            return null;
        } catch (IOException e) {
            closeQuietly(in);
            problems.add(InputProblem.ofFile(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }

    /** The decoded text; a decoding error surfaces as an exception caused by a {@link CharacterCodingException}. */
    public Reader reader() {
        return reader;
    }

    /** The file name, relative to its batch, as problems name it. */
    public String name() {
        return name;
    }

    /** Reports a problem of the file's structure at a line (1-based). */
    public void problem(long line, String reason) {
        problems.add(name, line, "", reason);
    }

    /**
     * When the failure came from decoding (a {@link CharacterCodingException} among its causes), reports
     * where the first undecodable byte is: {@code file:line invalid UTF-8 (byte 0x8E at byte 5 of the line)}.
     *
     * @return whether the failure was a decoding error (and has been reported)
     */
    public boolean reportUndecodable(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return false;
        }
        if (!locateUndecodable()) {
            problems.add(InputProblem.ofFile(name, "invalid " + charset.name() + "; the file was not read to the end"));
        }
        return true;
    }

    /**
     * A decoder reads ahead in blocks, so a parser's line is not where the bad byte is: find it by decoding
     * the file again (only on this error path).
     */
    private boolean locateUndecodable() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            CharsetDecoder decoder = strict(charset);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(BUFFER);
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    int bad = in.position();
                    long line = 1;
                    int lineStart = 0;
                    for (int i = 0; i < bad; i++) {
                        if (bytes[i] == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    problem(line, String.format(
                            "invalid %s (byte 0x%02X at byte %d of the line); the rest of the file was not read",
                            charset.name(), bytes[bad] & 0xFF, bad - lineStart + 1));
                    return true;
                }
                if (result.isUnderflow()) {
                    return false;
                }
                out.clear();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
        }
    }
}
