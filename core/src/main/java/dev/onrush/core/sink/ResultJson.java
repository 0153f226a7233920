package dev.onrush.core.sink;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON layout of results: snake_case names of the SPI records, ISO-8601 instants, {@code result.json}
 * without the per-second series (that is {@code intervals.jsonl}), interval lines without the histogram (that is
 * {@code latency.hlog}). Thread-safe.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(RunResult.class, RunResultMixin.class)
            .addMixIn(IntervalSnapshot.class, IntervalMixin.class)
            .build();

    private ResultJson() {
    }

    /** The mapper with Onrush's layout (shared; do not reconfigure). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code result} as pretty-printed JSON. */
    public static String toJson(RunResult result) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of {@code intervals.jsonl}. */
    public static String toLine(IntervalSnapshot interval) {
        try {
            return MAPPER.writeValueAsString(interval);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code result} to {@code file} atomically (a temporary file moved into place). */
    public static void write(RunResult result, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(result));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    abstract static class RunResultMixin {
        @JsonIgnore
        abstract java.util.List<IntervalSnapshot> intervals();
    }

    abstract static class IntervalMixin {
        @JsonIgnore
        abstract byte[] compressedLatencyHistogram();
    }
}
