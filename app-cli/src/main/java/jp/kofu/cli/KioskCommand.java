package jp.kofu.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.cli.kiosk.KioskClient;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * {@code kofu kiosk}: a kiosk simulator (キオスク端末シミュレータ) holding a test card: walks challenge →
 * authenticate → menu → prepare → complete against a running server and writes the PDF. Prints keys,
 * codes and file names, never the resident's name.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = {"Kiosk simulator holding a test card (PKCS#12 from kofu generate, password 'kofu'):",
                "challenge → authenticate → menu → prepare → complete over the J-LIS interface.",
                "Exit 0 issued (or prepared with --outcome none), 1 refused, 4 server unreachable."})
final class KioskCommand implements Callable<Integer> {

    enum Outcome { printed, failed, cancelled, none }

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "The kofu server (default ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = Options.TenantConverter.class,
            description = "地方公共団体コード with check digit.")
    LocalGovernmentCode tenant;

    @Option(names = "--card", required = true, paramLabel = "FILE", description = "The test card (PKCS#12).")
    Path card;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = Options.KindConverter.class,
            description = "juminhyo, inkan or shotoku.")
    CertificateKind kind;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "Where to write the PDF (default: kofu-out/<certificate number>.pdf).")
    Path out;

    @Option(names = "--store", defaultValue = "0012345", paramLabel = "CODE", description = "店舗コード (default ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--prefecture", defaultValue = "40", paramLabel = "NN", description = "都道府県コード of the store (default ${DEFAULT-VALUE}).")
    String prefecture;

    @Option(names = "--copies", defaultValue = "1", description = "Number of copies (1-10).")
    int copies;

    @Option(names = "--members", split = ",", paramLabel = "KEY", description = "住民票: chosen members (default: the whole household).")
    List<String> members = List.of();

    @Option(names = "--outcome", defaultValue = "printed", paramLabel = "printed|failed|cancelled|none",
            description = "What the kiosk reports after printing (none: no report; the server voids it later).")
    Outcome outcome;

    @Option(names = "--retry-prepare", description = "Send the prepare call twice with the same idempotency key and check the answers agree.")
    boolean retryPrepare;

    private final CliEnvironment environment;

    @Inject
    KioskCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        TestPki.Card testCard;
        try {
            testCard = TestPki.readPkcs12(Files.readAllBytes(card));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(card + ": no such file");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(card + ": " + e.getMessage());
        }
        KioskClient kiosk = new KioskClient(KioskClient.newHttpClient(), server, tenant.value(), store, prefecture);
        try {
            return walk(kiosk, testCard);
        } catch (ConnectException e) {
            environment.err().println("kofu kiosk: the server " + server + " is unreachable");
            return Cli.INFRASTRUCTURE;
        }
    }

    private int walk(KioskClient kiosk, TestPki.Card testCard) throws IOException, InterruptedException {
        var print = environment.out();
        print.println("card: serial " + testCard.serial() + " (" + card.getFileName() + ")");
        KioskClient.Reply auth = kiosk.authenticate(testCard);
        if (!"authenticated".equals(auth.result())) {
            return refused("authenticate", auth);
        }
        String session = auth.text("session");
        print.println("authenticated: session until " + auth.text("expiresAt"));

        KioskClient.Reply menu = kiosk.call("menu", kiosk.body("session", session));
        if (!"menu".equals(menu.result())) {
            return refused("menu", menu);
        }
        for (JsonNode item : menu.json().path("items")) {
            print.println("menu: " + item.path("kind").asText() + " " + (item.path("available").asBoolean()
                    ? "available, " + item.path("fee").asLong() + " 円"
                    + (item.has("members") ? ", " + item.path("members").size() + " household member(s)" : "")
                    + (item.has("fiscalYear") ? ", 年度 " + item.path("fiscalYear").asInt() : "")
                    : "not offered here: " + item.path("message").asText()));
        }

        Map<String, Object> request = kiosk.body("session", session, "kind", kind.cliName(), "copies", copies,
                "members", members);
        String key = UUID.randomUUID().toString();
        KioskClient.Reply prepared = kiosk.call("prepare", request, key);
        if (!"prepared".equals(prepared.result())) {
            return refused("prepare", prepared);
        }
        if (retryPrepare) {
            KioskClient.Reply again = kiosk.call("prepare", request, key);
            boolean same = again.json().equals(prepared.json());
            print.println("retried prepare: " + (same ? "same answer, issuance " + again.text("issuanceId")
                    : "DIFFERENT answer (issuance " + again.text("issuanceId") + ")"));
            if (!same) {
                return Cli.REFUSED;
            }
        }
        byte[] pdf = KioskClient.pdf(prepared);
        Path file = out != null ? out : Path.of("kofu-out", prepared.text("certificateNumber") + ".pdf");
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, pdf);
        print.printf("prepared %s: certificate %s, issuance %s, fee %d 円, %,d bytes%s%n", kind.cliName(),
                prepared.text("certificateNumber"), prepared.text("issuanceId"), prepared.json().path("fee").asLong(),
                pdf.length, prepared.json().path("test").asBoolean() ? " (test mode)" : "");
        print.println(file.toAbsolutePath().normalize());
        if (outcome == Outcome.none) {
            print.println("no completion reported: the server voids it after its completion timeout");
            return Cli.OK;
        }
        KioskClient.Reply done = kiosk.call("complete", kiosk.body("session", session, "issuanceId",
                prepared.text("issuanceId"), "outcome", outcome.name(),
                "feePaid", outcome == Outcome.printed ? prepared.json().path("fee").asLong() : 0));
        print.println("completed: " + done.result() + (done.json().has("voidReason") ? " (" + done.text("voidReason") + ")" : ""));
        return "issued".equals(done.result()) || "voided".equals(done.result()) ? Cli.OK : Cli.REFUSED;
    }

    private int refused(String step, KioskClient.Reply reply) {
        String code = reply.json().has("code") ? " " + reply.text("code") : "";
        environment.out().println(step + ": " + reply.result() + code
                + (reply.json().has("message") ? " — " + reply.text("message") : "") + " (HTTP " + reply.status() + ")");
        return reply.status() >= 500 ? Cli.INFRASTRUCTURE : reply.status() == 400 ? Cli.USAGE : Cli.REFUSED;
    }
}
