package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.ResidentStatus;

/** A code table translates both ways and lists its codes in order. */
class CodeTableTest {

    static final CodeTable<ResidentStatus> STATUS = CodeTable.of(Map.entry("resident", ResidentStatus.RESIDENT),
            Map.entry("move_out_planned", ResidentStatus.MOVE_OUT_PLANNED), Map.entry("removed", ResidentStatus.REMOVED));

    @Test
    void aCodeStandsForItsValueAndBack() {
        assertThat(STATUS.valueOf("removed")).isEqualTo(ResidentStatus.REMOVED);
        assertThat(STATUS.valueOf("Removed")).isNull();
        assertThat(STATUS.codeOf(ResidentStatus.MOVE_OUT_PLANNED)).isEqualTo("move_out_planned");
        assertThat(STATUS.alternatives()).isEqualTo("resident, move_out_planned or removed");
        assertThat(STATUS.codes()).containsExactly("resident", "move_out_planned", "removed");
    }

    @Test
    void aValueWithoutCodeCannotBeWritten() {
        CodeTable<ResidentStatus> partial = CodeTable.of(Map.entry("resident", ResidentStatus.RESIDENT));

        assertThatThrownBy(() -> partial.codeOf(ResidentStatus.REMOVED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeOrValueCannotAppearTwice() {
        assertThatThrownBy(() -> CodeTable.of(Map.entry("1", ResidentStatus.RESIDENT), Map.entry("1", ResidentStatus.REMOVED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeTable.of(Map.entry("1", ResidentStatus.RESIDENT), Map.entry("2", ResidentStatus.RESIDENT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
