package dev.onrush.core.sink;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Writes {@code result} to {@code file} atomically (a temporary file moved into place); on failure the
     * temporary file is removed and {@code file} is as it was.
     */
    public static void write(RunResult result, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, toJson(result));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a full disk leaves a cut temporary file: it must not stay behind looking like a result
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        }
    }

    /**
     * Reads what {@link #toJson} wrote; {@code intervals} of the result is empty, and so are {@code probes} and
     * {@code analysis} when the file predates them.
     */
    public static RunResult readResult(String json) throws IOException {
        ObjectNode node = withDefault(json, "intervals", MAPPER.createArrayNode());
        if (!node.hasNonNull("probes")) {
            node.set("probes", MAPPER.createArrayNode());
        }
        if (!node.hasNonNull("analysis")) {
            node.set("analysis", MAPPER.createObjectNode());
        }
        return MAPPER.treeToValue(node, RunResult.class);
    }

    /** Reads what {@link #toLine} wrote; the histogram of the interval is empty (zero bytes). */
    public static IntervalSnapshot readLine(String line) throws IOException {
        return MAPPER.treeToValue(withDefault(line, "compressed_latency_histogram", MAPPER.getNodeFactory()
                .binaryNode(new byte[0])), IntervalSnapshot.class);
    }

    // the records' constructors refuse null, and Jackson passes null for a missing creator property
    private static ObjectNode withDefault(String json, String field, JsonNode value)
            throws IOException {
        if (!(MAPPER.readTree(json) instanceof ObjectNode node)) {
            throw new IOException("not a JSON object");
        }
        if (!node.hasNonNull(field)) {
            node.set(field, value);
        }
        return node;
    }

    // WRITE_ONLY: read when present, never written
    abstract static class RunResultMixin {
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        abstract java.util.List<IntervalSnapshot> intervals();
    }

    abstract static class IntervalMixin {
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        abstract byte[] compressedLatencyHistogram();
    }
}
