package jp.kofu.server.jlis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ScopedIdempotencyKeyTest {

    private static final String SESSION = "AZK3Q8xW_1-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
    private static final String NONCE = "AZK3Q8xV_1-zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONM";

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode body(String field, String value) throws Exception {
        return mapper.readTree(mapper.writeValueAsString(java.util.Map.of("tenant", "402036", field, value)));
    }

    @Test
    void calls_within_a_session_are_remembered_under_the_session() throws Exception {
        for (String operation : new String[] {"menu", "prepare", "complete"}) {
            assertThat(JlisInterface.scoped(operation, body("session", SESSION), "key-0001")).isEqualTo(SESSION + "/key-0001");
        }
    }

    @Test
    void an_authentication_is_remembered_under_its_challenge_and_a_challenge_under_the_key_alone() throws Exception {
        assertThat(JlisInterface.scoped("authenticate", body("nonce", NONCE), "key-0001")).isEqualTo(NONCE + "/key-0001");
        assertThat(JlisInterface.scoped("challenge", body("session", SESSION), "key-0001")).isEqualTo("key-0001");
    }

    @Test
    void a_missing_or_malformed_scope_is_never_part_of_the_key() throws Exception {
        assertThat(JlisInterface.scoped("prepare", body("kind", "juminhyo"), "key-0001")).isEqualTo("key-0001");
        assertThat(JlisInterface.scoped("prepare", body("session", "short"), "key-0001")).isEqualTo("key-0001");
        assertThat(JlisInterface.scoped("prepare", body("session", "a/b" + SESSION), "key-0001")).isEqualTo("key-0001");
        assertThat(JlisInterface.scoped("prepare", body("session", "x".repeat(89)), "key-0001")).isEqualTo("key-0001");
    }
}
