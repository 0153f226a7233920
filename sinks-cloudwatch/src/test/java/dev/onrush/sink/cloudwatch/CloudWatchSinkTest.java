package dev.onrush.sink.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.ContractRecords;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the sink sends to CloudWatch, read from the requests the real SDK made to WireMock. */
class CloudWatchSinkTest {

    private static final String PUT = "PutMetricData";
    private static WireMockServer server;

    @TempDir
    Path runDir;

    private final ContractRecords records = new ContractRecords();

    @BeforeAll
    static void startCloudWatch() {
        System.setProperty("aws.accessKeyId", "test-key");
        System.setProperty("aws.secretAccessKey", "test-secret");
        server = CloudWatchWire.start();
    }

    @AfterAll
    static void stopCloudWatch() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(CloudWatchWire.path(PUT))).willReturn(CloudWatchWire.ok(Map.of())));
    }

    @Test
    void publishesEverySeriesWithItsDimensionsUnitsAndValues() throws Exception {
        ResultSink sink = sink(Map.of());
        IntervalSnapshot interval = records.interval(0);
        await(sink.onStart(records.runInfo(runDir)));
        await(sink.onInterval(interval));

        List<JsonNode> bodies = CloudWatchWire.bodies(server, PUT);
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0).get("Namespace").asText()).isEqualTo("Onrush/LoadTests");
        List<JsonNode> data = new ArrayList<>();
        bodies.get(0).get("MetricData").forEach(data::add);

        Map<String, String> all = Map.of("TestId", records.testId(), "TestName", "contract");
        Map<String, String> perRequest = new HashMap<>(all);
        perRequest.put("Request", ContractRecords.REQUEST);
        assertThat(names(data, all)).containsExactlyInAnyOrder("RequestCount", "ErrorCount", "ErrorRate",
                "Throughput", "ActiveUsers", "ArrivalRate", "Latency");
        assertThat(names(data, perRequest)).containsExactlyInAnyOrder("RequestCount", "ErrorCount", "ErrorRate",
                "Throughput", "LatencyP50", "LatencyP95", "LatencyP99");

        JsonNode count = single(data, "RequestCount", all);
        assertThat(count.get("Value").asDouble()).isEqualTo(200.0);
        assertThat(count.get("Unit").asText()).isEqualTo("Count");
        assertThat(count.get("StorageResolution").asInt()).isEqualTo(60);
        assertThat(count.get("Timestamp").asDouble()).isEqualTo(interval.start().toEpochMilli() / 1000.0);
        assertThat(single(data, "ErrorCount", perRequest).get("Value").asDouble()).isEqualTo(2.0);
        assertThat(single(data, "ErrorRate", all).get("Unit").asText()).isEqualTo("Percent");
        assertThat(single(data, "ErrorRate", all).get("Value").asDouble()).isEqualTo(1.0);
        assertThat(single(data, "Throughput", all).get("Unit").asText()).isEqualTo("Count/Second");
        assertThat(single(data, "ArrivalRate", all).get("Value").asDouble()).isEqualTo(200.0);
        assertThat(single(data, "LatencyP95", perRequest).get("Unit").asText()).isEqualTo("Milliseconds");

        List<JsonNode> latency = data.stream()
                .filter(d -> d.get("MetricName").asText().equals("Latency") && dimensions(d).equals(all)).toList();
        Histogram h = IntervalMetrics.decode(interval.compressedLatencyHistogram());
        long distinct = 0;
        long counted = 0;
        for (JsonNode d : latency) {
            assertThat(d.get("Unit").asText()).isEqualTo("Milliseconds");
            assertThat(d.has("Value")).as("a distribution has no single Value").isFalse();
            assertThat(d.get("Values").size()).isEqualTo(d.get("Counts").size()).isLessThanOrEqualTo(150);
            distinct += d.get("Values").size();
            counted += sum(d.get("Counts"));
        }
        assertThat(counted).as("values/counts sum").isEqualTo(interval.totals().requests());
        assertThat(latency).as("datums for %s distinct values", distinct).hasSize((int) ((distinct + 149) / 150));
        assertThat(latency.get(0).get("Values").get(0).asDouble()).isBetween(h.getMinValue() / 1e6,
                h.highestEquivalentValue(h.getMinValue()) / 1e6);
    }

    @Test
    void highResolutionPublishesWithOneSecondStorage() throws Exception {
        ResultSink sink = sink(Map.of("high_resolution", true, "namespace", "Team/Perf"));
        await(sink.onStart(records.runInfo(runDir)));
        await(sink.onInterval(records.interval(0)));

        JsonNode body = CloudWatchWire.bodies(server, PUT).get(0);
        assertThat(body.get("Namespace").asText()).isEqualTo("Team/Perf");
        body.get("MetricData").forEach(d -> assertThat(d.get("StorageResolution").asInt()).isEqualTo(1));
    }

    @Test
    void aWideIntervalIsCutWithinTheServiceLimits() throws Exception {
        Histogram wide = new Histogram(Duration.ofHours(1).toNanos(), 3);
        for (long v = 10_000; v < 60_000_000_000L; v = v * 1001 / 1000 + 1) {
            wide.recordValue(v);
        }
        Map<String, RequestStats> requests = new LinkedHashMap<>();
        IntervalSnapshot base = records.interval(0);
        for (int i = 0; i < 400; i++) {
            requests.put("GET /items/" + i, base.totals());
        }
        ByteBuffer buffer = ByteBuffer.allocate(wide.getNeededByteBufferCapacity());
        int length = wide.encodeIntoCompressedByteBuffer(buffer);
        IntervalSnapshot interval = new IntervalSnapshot(base.testId(), 0, base.start(), 1.0, "steady", 0, 200,
                base.totals(), requests, base.generator(), Arrays.copyOf(buffer.array(), length));

        ResultSink sink = sink(Map.of());
        await(sink.onStart(records.runInfo(runDir)));
        await(sink.onInterval(interval));

        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = CloudWatchWire.requests(server, PUT);
        assertThat(sent).as("requests").hasSizeGreaterThan(1);
        long latencyCount = 0;
        int data = 0;
        for (var request : sent) {
            assertThat(request.getBody().length).as("payload bytes").isLessThan(1_000_000);
            JsonNode metricData = CloudWatchWire.read(request.getBody()).get("MetricData");
            assertThat(metricData.size()).as("data in one request").isLessThanOrEqualTo(1000);
            data += metricData.size();
            for (JsonNode d : metricData) {
                if (d.has("Values")) {
                    assertThat(d.get("Values").size()).as("values in one datum").isLessThanOrEqualTo(150);
                    assertThat(d.get("Counts").size()).isEqualTo(d.get("Values").size());
                    latencyCount += sum(d.get("Counts"));
                }
            }
        }
        assertThat(latencyCount).as("values/counts sum").isEqualTo(wide.getTotalCount());
        assertThat(data).as("every datum sent once").isEqualTo(
                new IntervalMetrics(60).data(interval, "contract").size());
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() throws Exception {
        server.resetAll();
        server.stubFor(post(urlEqualTo(CloudWatchWire.path(PUT))).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(CloudWatchWire.error(503, "ServiceUnavailable", "try again")));
        server.stubFor(post(urlEqualTo(CloudWatchWire.path(PUT))).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(CloudWatchWire.ok(Map.of())));
        ResultSink sink = sink(Map.of());
        await(sink.onStart(records.runInfo(runDir)));
        await(sink.onInterval(records.interval(0)));

        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = CloudWatchWire.requests(server, PUT);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getHeader("amz-sdk-request")).startsWith("attempt=2");
    }

    @Test
    void aRefusedPublicationFailsTheStage() {
        server.resetAll();
        server.stubFor(post(urlEqualTo(CloudWatchWire.path(PUT)))
                .willReturn(CloudWatchWire.error(400, "InvalidParameterValue", "The value -1 is not valid")));
        ResultSink sink = sink(Map.of());
        sink.onStart(records.runInfo(runDir));

        assertThatThrownBy(() -> await(sink.onInterval(records.interval(0))))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("is not valid");
        assertThat(CloudWatchWire.requests(server, PUT)).as("a client error is not retried").hasSize(1);
    }

    @Test
    void aNamespaceOfAwsIsRefused() {
        assertThatThrownBy(() -> sink(Map.of("namespace", "AWS/EC2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("namespace:");
    }

    @Test
    void everyBadKeyIsReportedAtOnce() {
        CloudWatchSinkProvider provider = new CloudWatchSinkProvider();
        PluginConfig bad = new PluginConfig("cloudwatch", Map.of("namespace", "AWS/EC2", "high_resolution", "often",
                "timeout", "0s", "max_attempts", 99, "endpoint", "not a url"), provider.configKeys());

        assertThatThrownBy(() -> provider.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("namespace:").hasMessageContaining("high_resolution:")
                .hasMessageContaining("timeout: must be positive").hasMessageContaining("max_attempts: must be 1 to 20")
                .hasMessageContaining("endpoint:");
    }

    @Test
    void theOldTimeoutNameIsStillAccepted() throws Exception {
        ResultSink sink = sink(Map.of("request_timeout", "5s", "max_attempts", 1));
        await(sink.onStart(records.runInfo(runDir)));
        await(sink.onInterval(records.interval(0)));

        assertThat(CloudWatchWire.requests(server, PUT)).isNotEmpty();
    }

    private ResultSink sink(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(Map.of("endpoint", server.baseUrl(), "region", "us-west-2"));
        all.putAll(settings);
        CloudWatchSinkProvider provider = new CloudWatchSinkProvider();
        assertThat(new PluginConfig("cloudwatch", all, provider.configKeys()).validate(provider.configKeys()))
                .isEmpty();
        return provider.create(new PluginConfig("cloudwatch", all, provider.configKeys()));
    }

    private static void await(CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Set<String> names(List<JsonNode> data, Map<String, String> dims) {
        Set<String> names = new TreeSet<>();
        data.stream().filter(d -> dimensions(d).equals(dims)).forEach(d -> names.add(d.get("MetricName").asText()));
        return names;
    }

    private static JsonNode single(List<JsonNode> data, String name, Map<String, String> dims) {
        List<JsonNode> found = data.stream()
                .filter(d -> d.get("MetricName").asText().equals(name) && dimensions(d).equals(dims)).toList();
        assertThat(found).as("%s %s", name, dims).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> dimensions(JsonNode datum) {
        Map<String, String> dims = new TreeMap<>();
        datum.get("Dimensions").forEach(d -> dims.put(d.get("Name").asText(), d.get("Value").asText()));
        return dims;
    }

    private static long sum(JsonNode numbers) {
        long total = 0;
        for (JsonNode n : numbers) {
            total += n.asLong();
        }
        return total;
    }
}
