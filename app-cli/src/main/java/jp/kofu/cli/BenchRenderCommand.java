package jp.kofu.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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

import jp.kofu.adapters.jlis.PdfCertificateRenderer;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;

/**
 * {@code kofu bench render}: the certificate renderer alone (証明書PDF作成の性能). Renders a one-page
 * 住民票の写し (one person) and a 4-person 世帯連記式 with the default forms (no images), single-threaded and
 * on two threads, and prints the warm median and p99 time per document, the throughput and the PDF size;
 * the baseline, measured in the same run, is PDFBox's own API writing one page with the same font
 * embedded as a subset ({@code PDType0Font.load} on a font parsed once per thread) and the title and names
 * on it. Ratios are renderer / baseline.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render-only benchmark: warm median and p99 ms and the size of a one-page 住民票 and a",
                "4-person 世帯連記式, single thread and 2 threads (throughput too), against a baseline measured in",
                "the same run (PDFBox writing one page with the same font embedded). Target: median ≤ 5 ms, ≤ 60 KB."})
final class BenchRenderCommand implements Callable<Integer> {

    private static final String FONT_RESOURCE = "/jp/kofu/adapters/jlis/font/ipamjm.ttf";

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "400",
            description = "Measured renders per document and thread (default ${DEFAULT-VALUE}; as many again warm up).")
    int iterations;

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

    @Override
    public Integer call() throws Exception {
        if (iterations < 10) {
            throw new UsageException("kofu bench render: --iterations must be at least 10");
        }
        CertificateRendererPort renderer = PdfCertificateRenderer.withBundledFont();
        CertificateContent.Juminhyo sample = (CertificateContent.Juminhyo) ExampleContent.of(CertificateKind.JUMINHYO);
        CertificateContent.Juminhyo one = new CertificateContent.Juminhyo(sample.attestation(), sample.address(),
                sample.addressSupplement(), sample.householdHead(), List.of(sample.members().get(0)),
                sample.blankMarker());
        List<CertificateContent.Member> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(sample.members().get(i % sample.members().size()));
        }
        CertificateContent.Juminhyo household = new CertificateContent.Juminhyo(sample.attestation(), sample.address(),
                sample.addressSupplement(), sample.householdHead(), four, sample.blankMarker());
        byte[] fontBytes = fontBytes();

        List<Figures> results = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            results.add(measure("juminhyo, 1 person", threads, () -> () -> renderer.render(one, RenderOptions.plain())));
            results.add(measure("juminhyo household, 4 persons", threads,
                    () -> () -> renderer.render(household, RenderOptions.plain())));
            results.add(measure("baseline: PDFBox page, font subset", threads, () -> {
                TrueTypeFont font = parse(fontBytes); // one parsed font per thread: TrueTypeFont is not thread-safe
                return () -> baseline(font, one);
            }));
        }
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report(results, loadAverage);
        return Cli.OK;
    }

    /** Warms up, then times {@link #iterations} renders on each of {@code threads} threads. */
    private Figures measure(String workload, int threads, Supplier<Supplier<byte[]>> perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            int[] size = new int[1];
            long start = System.nanoTime();
            long[] wall = new long[threads];
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    Supplier<byte[]> job = perThread.get();
                    for (int i = 0; i < iterations; i++) {
                        size[0] = job.get().length;
                    }
                    long[] times = new long[iterations];
                    long from = System.nanoTime();
                    for (int i = 0; i < iterations; i++) {
                        long t0 = System.nanoTime();
                        size[0] = job.get().length;
                        times[i] = System.nanoTime() - t0;
                    }
                    wall[index] = System.nanoTime() - from;
                    return times;
                }));
            }
            long[] all = new long[threads * iterations];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(futures.get(t).get(), 0, all, t * iterations, iterations);
            }
            Arrays.sort(all);
            double slowest = Arrays.stream(wall).max().orElse(System.nanoTime() - start) / 1e9;
            return new Figures(workload, threads, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    threads * iterations / slowest, size[0]);
        } finally {
            pool.shutdownNow();
        }
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

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(List<Figures> results, double loadAverage) throws IOException {
        Map<Integer, Figures> baseline = new LinkedHashMap<>();
        results.stream().filter(f -> f.workload().startsWith("baseline")).forEach(f -> baseline.put(f.threads(), f));
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
            doc.put("results", rows);
            doc.put("targetMedianMs", 5);
            doc.put("targetBytes", 60 * 1024);
            doc.put("loadAverage", round(loadAverage));
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            return;
        }
        var out = environment.out();
        out.printf("kofu bench render: %,d measured renders per document and thread after as many warm-up ones%n",
                iterations);
        out.printf("  %-36s %7s %9s %9s %9s %9s %9s%n", "workload", "threads", "median ms", "p99 ms", "docs/s",
                "KB", "×baseline");
        for (Figures f : results) {
            out.printf("  %-36s %7d %9.2f %9.2f %9.0f %9.1f %9.2f%n", f.workload(), f.threads(), f.medianMs(),
                    f.p99Ms(), f.perSecond(), f.bytes() / 1024.0, f.medianMs() / baseline.get(f.threads()).medianMs());
        }
        out.printf("  target: median ≤ 5 ms and ≤ 60 KB without images%n");
        out.printf("  machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(), loadAverage);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
