package jp.kofu.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jlis.IpamjFont;
import jp.kofu.adapters.jlis.IpamjGlyphResolver;
import jp.kofu.adapters.jlis.PdfCertificateRenderer;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;

/**
 * {@code kofu bench render}: the certificate renderer alone (証明書PDF作成の性能). Renders a one-page
 * 住民票の写し (one person) and a 4-person 世帯連記式 (four different people) with the default forms (no
 * images), single-threaded and on two threads, and prints the warm median and p99 time per document, the
 * throughput and the PDF size; the baseline, measured in the same run, is PDFBox's own API writing one page
 * with the same font embedded as a subset ({@code PDType0Font.load} on a font parsed once per thread) and
 * the title and names on it. Ratios are renderer / baseline.
 *
 * <p>The renderer shares one parsed font across documents ({@link IpamjFont#shared()}); the run also
 * measures the alternative, the same renderer with the font parsed anew for every document (what
 * {@code PDType0Font.load(document, file)} per document amounts to), on a few documents since each
 * parses 46 MB, and reports the shared font's gain.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render-only benchmark: warm median and p99 ms and the size of a one-page 住民票 and a",
                "4-person 世帯連記式, single thread and 2 threads (throughput too), against a baseline measured in",
                "the same run (PDFBox writing one page with the same font embedded), and the one-page 住民票 with",
                "the font parsed for every document instead of shared. Target: median ≤ 5 ms, ≤ 60 KB."})
final class BenchRenderCommand implements Callable<Integer> {

    private static final String FONT_RESOURCE = "/jp/kofu/adapters/jlis/font/ipamjm.ttf";

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "400",
            description = "Measured renders per document and thread (default ${DEFAULT-VALUE}; as many again warm up).")
    int iterations;

    @Option(names = "--parsed-font-documents", paramLabel = "N", defaultValue = "20",
            description = "Documents measured with the font parsed for every document (default ${DEFAULT-VALUE}; "
                    + "2 more warm up; each parses the 46 MB font).")
    int parsedFontDocuments;

    @Option(names = "--pdf-dir", paramLabel = "DIR",
            description = "Also write the last single-thread PDF of each workload into DIR, to look at them.")
    Path pdfDir;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    private final CliEnvironment environment;

    @Inject
    BenchRenderCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The figures of one workload. */
    record Figures(String workload, int threads, double medianMs, double p99Ms, double perSecond, int bytes) {
    }

    static final String ONE_PERSON = "juminhyo, 1 person";
    static final String HOUSEHOLD = "juminhyo household, 4 persons";
    static final String BASELINE = "baseline: PDFBox page, font subset";
    static final String PARSED_FONT = "juminhyo, 1 person, font parsed per doc";

    @Override
    public Integer call() throws Exception {
        if (iterations < 10) {
            throw new UsageException("kofu bench render: --iterations must be at least 10");
        }
        if (parsedFontDocuments < 1) {
            throw new UsageException("kofu bench render: --parsed-font-documents must be at least 1");
        }
        if (pdfDir != null) {
            Files.createDirectories(Options.absolute(pdfDir));
        }
        CertificateRendererPort renderer = PdfCertificateRenderer.withBundledFont();
        CertificateContent.Juminhyo household = ExampleContent.household();
        CertificateContent.Juminhyo one = new CertificateContent.Juminhyo(household.attestation(), household.address(),
                household.addressSupplement(), household.householdHead(), List.of(household.members().get(0)),
                household.blankMarker());
        byte[] fontBytes = fontBytes();

        List<Figures> results = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            results.add(measure(ONE_PERSON, threads, iterations, iterations,
                    () -> () -> renderer.render(one, RenderOptions.plain())));
            results.add(measure(HOUSEHOLD, threads, iterations, iterations,
                    () -> () -> renderer.render(household, RenderOptions.plain())));
            results.add(measure(BASELINE, threads, iterations, iterations, () -> {
                TrueTypeFont font = parse(fontBytes); // one parsed font per thread: TrueTypeFont is not thread-safe
                return () -> baseline(font, one);
            }));
        }
        // the alternative to the shared font: parsed anew for every document (single thread: ~160 MB each)
        results.add(measure(PARSED_FONT, 1, 2, parsedFontDocuments, () -> () -> {
            IpamjFont font = load(fontBytes);
            return new PdfCertificateRenderer(font, new IpamjGlyphResolver(font)).render(one, RenderOptions.plain());
        }));
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report(results, loadAverage);
        return Cli.OK;
    }

    /** Runs {@code warmUp} renders, then times {@code measured} ones, on each of {@code threads} threads. */
    private Figures measure(String workload, int threads, int warmUp, int measured,
                            Supplier<Supplier<byte[]>> perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            byte[][] last = new byte[threads][];
            long start = System.nanoTime();
            long[] wall = new long[threads];
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    Supplier<byte[]> job = perThread.get();
                    for (int i = 0; i < warmUp; i++) {
                        last[index] = job.get();
                    }
                    long[] times = new long[measured];
                    long from = System.nanoTime();
                    for (int i = 0; i < measured; i++) {
                        long t0 = System.nanoTime();
                        last[index] = job.get();
                        times[i] = System.nanoTime() - t0;
                    }
                    wall[index] = System.nanoTime() - from;
                    return times;
                }));
            }
            long[] all = new long[threads * measured];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(futures.get(t).get(), 0, all, t * measured, measured);
            }
            Arrays.sort(all);
            double slowest = Arrays.stream(wall).max().orElse(System.nanoTime() - start) / 1e9;
            if (pdfDir != null && threads == 1) {
                Files.write(Options.absolute(pdfDir).resolve(fileName(workload)), last[0]);
            }
            return new Figures(workload, threads, all[all.length / 2] / 1e6,
                    all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6, threads * measured / slowest,
                    last[0].length);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The file a workload's PDF is written to: its name in lower-case letters and digits joined by '-'. */
    static String fileName(String workload) {
        return workload.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "")
                + ".pdf";
    }

    /** PDFBox's standard way: one page, the font embedded as a subset, the title and the names shown. */
    private static byte[] baseline(TrueTypeFont font, CertificateContent.Juminhyo content) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(document, font, true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(type0, 18);
                out.newLineAtOffset(220, 780);
                out.showText(content.title());
                out.setFont(type0, 10.5f);
                out.newLineAtOffset(-170, -40);
                out.showText(content.address().toUnicode());
                for (CertificateContent.Member m : content.members()) {
                    out.newLineAtOffset(0, -30);
                    out.showText(m.name().toUnicode());
                }
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fontBytes() throws IOException {
        try (InputStream in = PdfCertificateRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bundled font " + FONT_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        }
    }

    private static IpamjFont load(byte[] bytes) {
        try {
            return IpamjFont.load(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(List<Figures> results, double loadAverage) throws IOException {
        Map<Integer, Figures> baseline = new LinkedHashMap<>();
        results.stream().filter(f -> f.workload().equals(BASELINE)).forEach(f -> baseline.put(f.threads(), f));
        double sharedFontGain = figures(results, PARSED_FONT).medianMs() / figures(results, ONE_PERSON).medianMs();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Figures f : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("workload", f.workload());
                row.put("threads", f.threads());
                row.put("medianMs", round(f.medianMs()));
                row.put("p99Ms", round(f.p99Ms()));
                row.put("perSecond", Math.round(f.perSecond()));
                row.put("bytes", f.bytes());
                row.put("medianToBaseline", round(f.medianMs() / baseline.get(f.threads()).medianMs()));
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("iterations", iterations);
            doc.put("parsedFontDocuments", parsedFontDocuments);
            doc.put("results", rows);
            doc.put("sharedFontGain", round(sharedFontGain));
            doc.put("targetMedianMs", 5);
            doc.put("targetBytes", 60 * 1024);
            doc.put("loadAverage", round(loadAverage));
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            return;
        }
        var out = environment.out();
        out.printf("kofu bench render: %,d measured renders per document and thread after as many warm-up ones"
                + " (%,d after 2 with the font parsed per document)%n", iterations, parsedFontDocuments);
        out.printf("  %-40s %7s %9s %9s %9s %9s %9s%n", "workload", "threads", "median ms", "p99 ms", "docs/s",
                "KB", "×baseline");
        for (Figures f : results) {
            out.printf("  %-40s %7d %9.2f %9.2f %9.0f %9.1f %9.2f%n", f.workload(), f.threads(), f.medianMs(),
                    f.p99Ms(), f.perSecond(), f.bytes() / 1024.0, f.medianMs() / baseline.get(f.threads()).medianMs());
        }
        out.printf("  shared font: %.1f× faster than parsing the font for every document (median, 1 person, 1 thread)%n",
                sharedFontGain);
        out.printf("  target: median ≤ 5 ms and ≤ 60 KB without images%n");
        out.printf("  machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(), loadAverage);
    }

    private static Figures figures(List<Figures> results, String workload) {
        return results.stream().filter(f -> f.workload().equals(workload) && f.threads() == 1).findFirst()
                .orElseThrow();
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
