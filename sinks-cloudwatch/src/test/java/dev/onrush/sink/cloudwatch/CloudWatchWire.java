package dev.onrush.sink.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * CloudWatch's wire protocol as the AWS SDK 2.57.8 speaks it (captured from the real client): Smithy RPC v2 CBOR,
 * {@code POST /service/GraniteServiceVersion20100801/operation/<Operation>} with {@code smithy-protocol: rpc-v2-cbor}
 * and a CBOR body; answers are CBOR with the same header.
 */
final class CloudWatchWire {

    static final CBORMapper CBOR = new CBORMapper();

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

    /** A 200 answer with {@code body} (a map) in CBOR. */
    static ResponseDefinitionBuilder ok(Map<String, ?> body) {
        return aResponse().withStatus(200).withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor").withBody(cbor(body));
    }

    /** An error answer as CloudWatch sends it: {@code __type} and {@code message}. */
    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withBody(cbor(Map.of("__type", type, "message", message)));
    }

    /** The bodies of the requests made to {@code operation}, decoded, in the order received. */
    static List<JsonNode> bodies(WireMockServer server, String operation) {
        return requests(server, operation).stream().map(r -> read(r.getBody())).toList();
    }

    static List<LoggedRequest> requests(WireMockServer server, String operation) {
        return server.findAll(postRequestedFor(urlEqualTo(path(operation))));
    }

    static JsonNode read(byte[] body) {
        try {
            return CBOR.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cbor(Map<String, ?> body) {
        try {
            return CBOR.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
