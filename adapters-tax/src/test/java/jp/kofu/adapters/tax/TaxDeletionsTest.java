package jp.kofu.adapters.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.ParsedBatch;

/** Deletions (削除) of tax records: {@code op} D rows of a delta batch come back as person and fiscal year. */
class TaxDeletionsTest {

    @TempDir
    Path dir;

    @Test
    void aDeletionRowComesBackAsItsKeyWithItsOtherColumnsEmpty() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.content(TaxSamples.nonTaxable("A0002", 2026),
                TaxSamples.nonTaxable("A0003", 2026)));
        batch.kind = BatchKind.DELTA;
        List<List<String>> rows = batch.rows("tax_records.csv");
        List<String> header = rows.get(0);
        header.add("op");
        rows.get(1).add("U");
        rows.get(2).add("D");
        for (int c = 0; c < header.size(); c++) {
            if (!List.of("person_key", "fiscal_year", "op").contains(header.get(c))) {
                rows.get(2).set(c, "");
            }
        }
        batch.rewrite("tax_records.csv", rows);

        ParsedBatch parsed = batch.read();

        assertThat(parsed.deletions().taxRecords()).containsExactly(new Deletions.TaxKey(new PersonKey("A0003"), 2026));
        assertThat(parsed.content().taxRecords()).containsExactly(TaxSamples.nonTaxable("A0002", 2026));
        assertThat(parsed.recordsPerFile()).containsEntry("tax_records.csv", 2L);
    }
}
