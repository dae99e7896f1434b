package jp.kofu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jlis.FormTemplates;
import jp.kofu.adapters.jlis.JlisModule;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.ContentJson;

/**
 * {@code kofu render}: renders one certificate from its JSON content (docs/render-json.md), without a
 * database, so staff and vendors can check forms. {@code --example} prints a sample document.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render one certificate from its documented JSON content (no database needed).",
                "--example prints a sample JSON document of the kind to start from."})
final class RenderCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = Options.KindConverter.class,
            description = "juminhyo, inkan or shotoku.")
    CertificateKind kind;

    @Option(names = "--input", paramLabel = "FILE.json", description = "The certificate content.")
    Path input;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    @Option(names = "--tenant", paramLabel = "CODE", converter = Options.TenantConverter.class,
            description = "Tenant whose forms to use (e.g. 402036 for Kurume); default: the default forms.")
    LocalGovernmentCode tenant;

    @Option(names = "--forms", paramLabel = "DIR",
            description = "A city's form directory (<DIR>/<tenant code>/<kind>.json, docs/forms.md) to check "
                    + "and use instead of the configured one.")
    Path forms;

    @Option(names = "--example", description = "Print a sample JSON document of the kind and exit.")
    boolean example;

    @Option(names = "--watermark", paramLabel = "WORD", description = "A word printed across the page, e.g. 確認用.")
    String watermark;

    private final CliEnvironment environment;

    @Inject
    RenderCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper mapper = ContentJson.mapper();
        if (example) {
            environment.out().println(mapper.writeValueAsString(ExampleContent.of(kind)));
            return Cli.OK;
        }
        if (input == null || out == null) {
            throw new UsageException("kofu render: --input and --out are required (or --example)");
        }
        CertificateContent content = read(mapper, input);
        if (content.kind() != kind) {
            throw new BadInputException(input + ":1:kind the document is " + content.kind().cliName()
                    + ", not " + kind.cliName());
        }
        FormTemplates templates;
        try {
            templates = forms != null ? FormTemplates.withDirectory(forms) : FormTemplates.configured();
        } catch (FormTemplates.FormTemplateException e) {
            throw new BadInputException("form " + e.getMessage(), e);
        }
        CertificateRendererPort renderer = Guice.createInjector(new JlisModule(templates))
                .getInstance(CertificateRendererPort.class);
        byte[] pdf = renderer.render(content, new CertificateRendererPort.RenderOptions(watermark,
                tenant == null ? "" : tenant.value()));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.write(out, pdf);
        environment.out().println(out.toAbsolutePath().normalize());
        return Cli.OK;
    }

    static CertificateContent read(ObjectMapper mapper, Path input) {
        try {
            return mapper.readValue(Files.readAllBytes(input), CertificateContent.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException(input + ": no such file");
        } catch (JsonMappingException e) {
            throw new BadInputException(where(input, e.getLocation()) + fieldPath(e) + " " + reason(e), e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where(input, e.getLocation()) + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(input + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String where(Path input, JsonLocation location) {
        return location == null ? input.toString()
                : input + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "" : ":" + sb;
    }

    private static String reason(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage() == null ? "is required" : cause.getMessage();
        }
        String m = e.getOriginalMessage();
        int cut = m.indexOf('\n');
        return cut < 0 ? m : m.substring(0, cut);
    }
}
