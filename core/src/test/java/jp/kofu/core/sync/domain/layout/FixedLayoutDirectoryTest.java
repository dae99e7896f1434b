package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Where further fixed-length layouts are looked for: the variable {@code KOFU_LAYOUTS}, or the system property
 * {@code kofu.layouts}, which wins. Run in a child JVM, since a test cannot set its own environment.
 */
class FixedLayoutDirectoryTest {

    /** Prints the directory the catalog would search, or "none". */
    public static final class PrintDirectory {
        public static void main(String[] args) {
            String dir = FixedLayoutCatalog.directory();
            System.out.print(dir == null ? "none" : dir);
        }
    }

    private static String run(Map<String, String> env, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                PrintDirectory.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(FixedLayoutCatalog.PATH_VARIABLE);
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theVariableNamesTheDirectoryAndThePropertyWinsOverIt() throws Exception {
        assertThat(run(Map.of())).isEqualTo("none");
        assertThat(run(Map.of("KOFU_LAYOUTS", "/etc/kofu/layouts"))).isEqualTo("/etc/kofu/layouts");
        assertThat(run(Map.of("KOFU_LAYOUTS", "/etc/kofu/layouts"), "-Dkofu.layouts=/opt/layouts")).isEqualTo("/opt/layouts");
        assertThat(run(Map.of("KOFU_LAYOUTS", " "))).isEqualTo("none");
    }
}
