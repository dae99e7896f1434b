package jp.kofu.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.MonthDay;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.testing.Fixtures;

class JsonTest {

    @Test
    void settings_stored_before_a_field_existed_read_with_its_default() {
        String older = "{\"name\":\"久留米市\",\"mayorTitle\":\"久留米市長\",\"mayorName\":\"原口 新五\",\"zone\":\"Asia/Tokyo\","
                + "\"hours\":{\"opens\":\"06:30\",\"closes\":\"23:00\",\"closedDays\":[]},"
                + "\"fees\":{\"juminhyo\":200},\"enabledKinds\":[\"juminhyo\"],\"minimumAge\":{}}";

        TenantSettings settings = Json.settings("402036", older);

        assertThat(settings.taxYearSwitch()).isEqualTo(MonthDay.of(6, 10));
        assertThat(settings.blankMarker()).isEqualTo("【空欄】");
        assertThat(settings.individualNumberOnJuminhyo()).isFalse();
        assertThat(settings.feeFor(CertificateKind.JUMINHYO)).isEqualTo(200);
        assertThat(settings.calendarExceptions()).isEmpty();
        assertThat(settings.maintenanceWindows()).isEmpty();
        assertThat(settings.testMode()).isEqualTo(jp.kofu.core.tenant.domain.TestMode.OFF);
    }

    @Test
    void the_calendar_and_test_mode_round_trip() {
        assertThat(Json.settings("131016", Json.settings(Fixtures.chiyodaSettings()))).isEqualTo(Fixtures.chiyodaSettings());
        assertThat(Json.settings(Fixtures.chiyodaSettings()))
                .contains("\"maintenanceWindows\":[{\"from\":\"2026-11-29T01:00\",\"until\":\"2026-11-29T07:00\"")
                .contains("\"testMode\":{\"enabled\":true,\"residents\":[\"T0001\",\"T0002\"]}");
    }

    @Test
    void settings_are_written_with_stable_names_in_a_stable_order() {
        String json = Json.settings(Fixtures.kurumeSettings());

        assertThat(json).contains("\"fees\":{\"juminhyo\":200,\"inkan\":200,\"shotoku\":200}")
                .contains("\"enabledKinds\":[\"juminhyo\",\"inkan\",\"shotoku\"]")
                .contains("\"taxYearSwitch\":\"--06-10\"");
        assertThat(Json.settings(Fixtures.kurumeSettings())).isEqualTo(json);
    }

    @Test
    void requests_keep_their_kind_and_options() {
        var juminhyo = new CertificateRequest.Juminhyo(Set.of(new PersonKey("P2"), new PersonKey("P1")), false, true,
                false, true, 4);
        var shotoku = new CertificateRequest.Shotoku(OptionalInt.of(2024), 2);

        assertThat(Json.request(Json.request(juminhyo))).isEqualTo(juminhyo);
        assertThat(Json.request(Json.request(shotoku))).isEqualTo(shotoku);
        assertThat(Json.request(juminhyo)).contains("\"members\":[\"P1\",\"P2\"]");
    }
}
