package dev.onrush.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.onrush.core.sink.HtmlReport;
import dev.onrush.core.sink.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code compare.html}: both runs' latency spectra overlaid and the comparison table, one offline page. */
public final class CompareReport {

    /** The page's file name. */
    public static final String FILE = "compare.html";
    private static final String TEMPLATE = "/dev/onrush/core/compare/compare-template.html";

    private CompareReport() {
    }

    /** The page for {@code result}. */
    public static String render(RunComparison.Result result) {
        try {
            String json = ResultJson.mapper().writeValueAsString(result);
            return HtmlReport.page(TEMPLATE, "compare " + result.baselineId() + " → " + result.candidateId(), json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the page to {@code file} atomically. */
    public static void write(RunComparison.Result result, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(result), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
