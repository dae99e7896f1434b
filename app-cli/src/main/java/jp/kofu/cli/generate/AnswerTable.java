package jp.kofu.cli.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;

/**
 * The 対照表 a correct 文字同定 of a synthetic town ends with (正解の対照表): every vendor code of the town,
 * {@code confirmed}, with the character the generator meant — the ground truth, written as
 * {@value #FILE_NAME} beside the batches in the correspondence-table format {@code kofu gaiji apply}
 * imports. Tests and acceptance runs import it to compare replicas of the same town in different layouts
 * (their vendor codes differ, their characters do not); a city never gets such a file.
 */
public final class AnswerTable {

    /** The file name {@code kofu generate} writes. */
    public static final String FILE_NAME = "correspondence-table-answer.csv";

    private AnswerTable() {
    }

    /**
     * Writes the answer table.
     *
     * @param vendorCharacters vendor code → the MJ character it stands for
     * @param known vendor code → the exact character it stands for (a Shift_JIS town's 外字 for characters
     *     windows-31j lacks)
     */
    public static Path write(Path directory, Map<String, MjId> vendorCharacters, Map<String, PrintedChar> known)
            throws IOException {
        Map<String, String> rows = new TreeMap<>();
        vendorCharacters.forEach((code, mj) -> rows.put(code, code + ",confirmed," + mj + ","
                + notation(MjRepertoire.shared().byId(mj).orElseThrow().printedChar()) + ",same"));
        known.forEach((code, c) -> rows.put(code, code + ",confirmed,," + notation(c) + ",same"));
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("vendor_code,status,mj_id,character,match\r\n");
            for (String row : rows.values()) {
                out.write(row);
                out.write("\r\n");
            }
        }
        return file;
    }

    private static String notation(PrintedChar c) {
        return c instanceof PrintedChar.MjOnly m ? m.toTagged() : CodePoints.notation(c);
    }
}
