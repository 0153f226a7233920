package dev.onrush.core.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a run as {@code report.html}: one self-contained page (uPlot and the data inlined, nothing fetched)
 * with the verdict, the criteria, charts over time, the per-request, error, status and phase tables and the
 * latency percentile spectrum of the whole run.
 *
 * <p>Input is a {@link RunResult} whose {@link RunResult#intervals()} carry their histograms: the one a run hands
 * to its sinks, or the one {@link RunFolder#read} rebuilds from a run folder. Stateless and thread-safe.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "/dev/onrush/core/sink/report-template.html";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String RENDER_CHECK = "/dev/onrush/core/sink/render-check.js";

    private HtmlReport() {
    }

    /** The page for {@code result}. */
    public static String render(RunResult result) {
        return page(TEMPLATE, result.name() + " — " + result.testId(), data(result));
    }

    /**
     * A self-contained page from the template resource {@code template} (absolute classpath path), filling its
     * {@code {{TITLE}}} (escaped), {@code {{UPLOT_CSS}}}, {@code {{UPLOT_JS}}} (uPlot inlined),
     * {@code {{RENDER_CHECK_JS}}} (the page's self-check: errors and drawn charts into {@code #render-check}, read
     * by the browser tests) and {@code {{DATA}}} (the JSON made safe inside a {@code <script>} element)
     * placeholders. Shared by every Onrush page so that each opens offline.
     */
    public static String page(String template, String title, String dataJson) {
        String js = resource(UPLOT + "uPlot.iife.min.js");
        String css = resource(UPLOT + "uPlot.min.css");
        // the inlined code must not end its own element early
        if (js.toLowerCase(Locale.ROOT).contains("</script") || css.toLowerCase(Locale.ROOT).contains("</style")) {
            throw new IllegalStateException("uPlot's code contains a closing tag; it cannot be inlined");
        }
        return fill(resource(template), Map.of("TITLE", escapeHtml(title), "UPLOT_CSS", css, "UPLOT_JS", js,
                "RENDER_CHECK_JS", resource(RENDER_CHECK), "DATA", scriptSafe(dataJson)));
    }

    /** Writes the page for {@code result} to {@code file} atomically (a temporary file moved into place). */
    public static void write(RunResult result, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(result), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String data(RunResult result) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.set("result", ResultJson.mapper().valueToTree(result));
        ArrayNode intervals = root.putArray("intervals");
        Histogram merged = Histograms.newTotal();
        for (IntervalSnapshot i : result.intervals()) {
            intervals.add(ResultJson.mapper().valueToTree(i));
            byte[] compressed = i.compressedLatencyHistogram();
            if (compressed.length > 0) {
                merged.add(Histograms.decompress(compressed));
            }
        }
        root.set("spectrum", spectrum(merged));
        try {
            return ResultJson.mapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Percentile → latency (ms) pairs of the whole run, five per halving of the remaining tail, for a plot on
     * {@code 1/(1-p)}. The 100th percentile has no place on that axis: it is given as {@code max_ms}.
     */
    private static ObjectNode spectrum(Histogram h) {
        ObjectNode s = ResultJson.mapper().createObjectNode();
        ArrayNode percentiles = s.putArray("percentile");
        ArrayNode ms = s.putArray("ms");
        s.put("count", h.getTotalCount());
        s.put("max_ms", h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e6);
        if (h.getTotalCount() == 0) {
            return s;
        }
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p >= 100.0) {
                break;
            }
            percentiles.add(p);
            ms.add(h.highestEquivalentValue(v.getValueIteratedTo()) / 1e6);
        }
        return s;
    }

    /** {@code json} made safe inside a {@code <script>} element: no {@code </}, {@code <!--} or line separators. */
    static String scriptSafe(String json) {
        // these characters occur in JSON text only inside strings, where the \\u escapes mean the same
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Replaces each {@code {{KEY}}} of {@code template} once, without looking into what it inserted. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 100_000);
        int from = 0;
        while (true) {
            int open = template.indexOf("{{", from);
            int close = open < 0 ? -1 : template.indexOf("}}", open);
            if (close < 0) {
                return out.append(template, from, template.length()).toString();
            }
            String value = values.get(template.substring(open + 2, close));
            out.append(template, from, open).append(value != null ? value : template.substring(open, close + 2));
            from = close + 2;
        }
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (is uplot on the classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
