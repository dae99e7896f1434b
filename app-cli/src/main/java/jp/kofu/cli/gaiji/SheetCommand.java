package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.core.gaiji.service.RenderIdentificationSheetService;

/** {@code kofu gaiji sheet}: the 文字同定 review sheet (文字同定確認票) of a table version as a PDF. */
@Command(name = "sheet",
        description = "Render the 文字同定 review sheet of the tenant's correspondence table: each vendor code with its "
                + "MJ glyph printed large, the MJ id and the keys, for the city's confirmation.")
public final class SheetCommand extends GaijiSubcommand {

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    // not the standard help mixin: its -V/--version would take this command's --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "N", description = "The table version (default: the latest).")
    Integer version;

    @Override
    public Integer call() throws IOException {
        byte[] pdf;
        try {
            pdf = kofu().getInstance(RenderIdentificationSheetService.class)
                    .render(tenant, version == null ? OptionalInt.empty() : OptionalInt.of(version));
        } catch (NoSuchElementException e) {
            return usage("sheet", e.getMessage() + " (import one with kofu gaiji apply)");
        }
        Path file = out.toAbsolutePath().normalize();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, pdf);
        environment.out().printf("sheet of tenant %s written: %,d bytes%n", tenant, pdf.length);
        environment.out().println(file);
        return GaijiOptions.OK;
    }
}
