package com.example.onrush;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes {@code index,start,phase,requests,errors,throughput_rps,p95_ms} per interval. Onrush calls it from one
 * worker thread at a time, never from an event loop, so plain blocking file writes are fine. I/O failures are
 * returned as failed stages: Onrush logs and counts them and the run goes on.
 */
final class CsvSink implements ResultSink {

    private final Path file;
    private final String separator;
    private BufferedWriter out;

    CsvSink(Path file, String separator) {
        this.file = file;
        this.separator = separator;
    }

    @Override
    public CompletionStage<Void> onStart(RunInfo run) {
        return io(() -> {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file);
            line("index", "start", "phase", "requests", "errors", "throughput_rps", "p95_ms");
        });
    }

    @Override
    public CompletionStage<Void> onInterval(IntervalSnapshot i) {
        return io(() -> line(Long.toString(i.index()), i.start().toString(), i.phase(),
                Long.toString(i.totals().requests()), Long.toString(i.totals().errors()),
                String.format(Locale.ROOT, "%.1f", i.totals().throughputRps()),
                String.format(Locale.ROOT, "%.3f", i.totals().latencyMs().p95())));
    }

    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        return io(() -> {
            if (out != null) {
                out.close();
                out = null;
            }
        });
    }

    private void line(String... columns) throws IOException {
        if (out == null) {
            throw new IOException("the CSV file " + file + " is not open (onStart failed)");
        }
        out.write(String.join(separator, columns));
        out.newLine();
        out.flush();
    }

    private interface Io {
        void run() throws IOException;
    }

    private static CompletionStage<Void> io(Io action) {
        try {
            action.run();
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
