package jp.kofu.core.tenant.domain;

import java.util.Set;

import jp.kofu.core.replica.domain.PersonKey;

/**
 * The tenant's test mode (試験モード) for the J-LIS connection tests (工程1試験): while enabled, only the
 * designated test residents (試験用住民) are served, every PDF is watermarked {@value #WATERMARK}, and the
 * issuances are flagged as tests so that statistics leave them out.
 *
 * @param enabled whether the tenant is in test mode
 * @param testResidents 宛名番号 of the residents the tests may use
 */
public record TestMode(boolean enabled, Set<PersonKey> testResidents) {

    /** The word printed across every page in test mode. */
    public static final String WATERMARK = "テスト";

    /** Production: test mode off. */
    public static final TestMode OFF = new TestMode(false, Set.of());

    public TestMode {
        testResidents = testResidents == null ? Set.of() : Set.copyOf(testResidents);
    }

    /** Test mode on for these residents. */
    public static TestMode forResidents(Set<PersonKey> residents) {
        return new TestMode(true, residents);
    }

    /** Whether the person may be served now: always outside test mode, only test residents inside it. */
    public boolean admits(PersonKey person) {
        return !enabled || testResidents.contains(person);
    }
}
