package jp.kofu.cli.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** Shared fixtures: one 2,000-person town generated once for the statistics and consistency tests. */
final class Towns {

    static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    static final long SEED = 20261101L;

    private Towns() {
    }

    private static final class Holder {
        static final SyntheticTown TOWN_OF_2000 = new SyntheticTownGenerator().generate(KURUME, 2_000, SEED,
                REFERENCE_DATE);
    }

    static SyntheticTown townOf2000() {
        return Holder.TOWN_OF_2000;
    }

    /** The data rows of one of the generator's TSV resources, split on tabs. */
    static List<String[]> resourceRows(String name) {
        InputStream in = Towns.class.getResourceAsStream("/jp/kofu/cli/generate/" + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
