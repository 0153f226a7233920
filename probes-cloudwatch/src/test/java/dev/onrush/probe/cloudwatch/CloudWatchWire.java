package dev.onrush.probe.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * CloudWatch's wire protocol as the AWS SDK 2.57.8 speaks it (captured from the real client): Smithy RPC v2 CBOR,
 * {@code POST /service/GraniteServiceVersion20100801/operation/<Operation>} with {@code smithy-protocol: rpc-v2-cbor}
 * and a CBOR body; answers are CBOR with the same header, timestamps as CBOR tag 1 (epoch seconds).
 */
final class CloudWatchWire {

    private static final CBORMapper CBOR = new CBORMapper();
    private static final CBORFactory FACTORY = new CBORFactory();

    private CloudWatchWire() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return server;
    }

    static String path(String operation) {
        return "/service/GraniteServiceVersion20100801/operation/" + operation;
    }

    /** A 200 answer with {@code body} in CBOR; {@link Instant}s become tag-1 timestamps. */
    static ResponseDefinitionBuilder ok(Map<String, ?> body) {
        return aResponse().withStatus(200).withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor").withBody(cbor(body));
    }

    /** One {@code MetricDataResults} entry. */
    static Map<String, Object> result(String id, String label, List<Instant> timestamps, List<Double> values) {
        return Map.of("Id", id, "Label", label, "Timestamps", timestamps, "Values", values,
                "StatusCode", "Complete", "Messages", List.of());
    }

    static List<JsonNode> bodies(WireMockServer server, String operation) {
        return server.findAll(postRequestedFor(urlEqualTo(path(operation)))).stream().map(r -> {
            try {
                return CBOR.readTree(r.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static byte[] cbor(Object body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            write(g, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof Instant t) {
            g.writeTag(1);
            g.writeNumber(t.getEpochSecond() + t.getNano() / 1e9);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
