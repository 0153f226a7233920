package dev.onrush.core.internal.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.onrush.core.sink.ResultJson;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What one sink could not take (it failed, or its queue was full), kept in the run folder under
 * {@code undelivered/<n>-<sink>/}: {@code intervals.jsonl} and {@code probes.jsonl} (one JSON line each),
 * {@code result.json}, {@code run-info.json}, in the layout of the run's own files, so it can be replayed. Thread-safe.
 */
final class Spool {

    private final Path dir;
    private long items;
    private IOException failure;

    Spool(Path runDir, int index, String sinkName) {
        this.dir = runDir.resolve("undelivered").resolve(index + "-" + sinkName);
    }

    /** Keeps {@code payload} (an IntervalSnapshot, ProbeSample, RunResult or RunInfo). */
    synchronized void keep(Object payload) {
        try {
            Files.createDirectories(dir);
            if (payload instanceof IntervalSnapshot i) {
                append("intervals.jsonl", ResultJson.toLine(i));
            } else if (payload instanceof ProbeSample p) {
                append("probes.jsonl", ResultJson.mapper().writeValueAsString(p));
            } else if (payload instanceof RunResult r) {
                Files.writeString(dir.resolve("result.json"), ResultJson.toJson(r), StandardCharsets.UTF_8);
            } else if (payload instanceof RunInfo info) {
                Files.writeString(dir.resolve("run-info.json"), ResultJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(info), StandardCharsets.UTF_8);
            } else {
                return;
            }
            items++;
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Items kept so far. */
    synchronized long items() {
        return items;
    }

    /** The folder, or why it could not be written. */
    synchronized String where() {
        return failure == null ? dir.toString() : dir + " (not all could be written: " + failure.getMessage() + ")";
    }

    private void append(String file, String line) throws JsonProcessingException, IOException {
        Files.writeString(dir.resolve(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
