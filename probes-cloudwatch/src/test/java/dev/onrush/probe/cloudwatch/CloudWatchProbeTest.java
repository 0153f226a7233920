package dev.onrush.probe.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.probe.Probe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What the probe asks CloudWatch and makes of the answers, read from the real SDK's requests to WireMock. */
class CloudWatchProbeTest {

    private static final String GET = "GetMetricData";
    private static WireMockServer server;

    /** A minute boundary, 30 s before "now" in these tests. */
    private final Instant minute = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60 - 60);
    private final Instant to = minute.plusSeconds(30);
    private final Instant from = to.minusSeconds(60);

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
        // two pages: cpu's datapoints are split across them; the minute still filling must not be reported
        server.stubFor(post(urlEqualTo(CloudWatchWire.path(GET))).atPriority(5).willReturn(CloudWatchWire.ok(Map.of(
                "MetricDataResults", List.of(
                        CloudWatchWire.result("cpu", "cpu", List.of(at(-180), at(-120)), List.of(41.5, 55.0)),
                        CloudWatchWire.result("alb_p99", "alb p99", List.of(), List.of())),
                "NextToken", "page-2-token", "Messages", List.of()))));
        server.stubFor(post(urlEqualTo(CloudWatchWire.path(GET))).atPriority(1)
                .withRequestBody(containing("page-2-token")).willReturn(CloudWatchWire.ok(Map.of(
                        "MetricDataResults", List.of(
                                CloudWatchWire.result("cpu", "cpu", List.of(at(-60), at(0)), List.of(71.25, 12.0)),
                                CloudWatchWire.result("alb_p99", "alb p99", List.of(at(-120), at(-60)),
                                        List.of(0.182, 0.241))),
                        "Messages", List.of()))));
    }

    @Test
    void asksOneQueryPerMetricOverTheLookbackWindow() throws Exception {
        probe(Map.of()).sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS);

        List<JsonNode> bodies = CloudWatchWire.bodies(server, GET);
        assertThat(bodies).hasSize(2);
        JsonNode first = bodies.get(0);
        assertThat(first.get("StartTime").asDouble()).as("to - 5m, aligned to the minute")
                .isEqualTo(minute.minusSeconds(300).getEpochSecond());
        assertThat(first.get("EndTime").asDouble()).isEqualTo(to.getEpochSecond());
        assertThat(first.get("ScanBy").asText()).isEqualTo("TimestampAscending");
        assertThat(first.has("NextToken")).isFalse();
        List<JsonNode> queries = new ArrayList<>();
        first.get("MetricDataQueries").forEach(queries::add);
        assertThat(queries).extracting(q -> q.get("Id").asText(), q -> q.get("Label").asText(),
                q -> q.at("/MetricStat/Metric/Namespace").asText(), q -> q.at("/MetricStat/Metric/MetricName").asText(),
                q -> q.at("/MetricStat/Stat").asText(), q -> q.at("/MetricStat/Period").asInt())
                .containsExactly(tuple("cpu", "cpu", "AWS/EC2", "CPUUtilization", "Average", 60),
                        tuple("alb_p99", "alb p99", "AWS/ApplicationELB", "TargetResponseTime", "p99", 60));
        assertThat(queries.get(0).at("/MetricStat/Metric/Dimensions/0/Name").asText())
                .isEqualTo("AutoScalingGroupName");
        assertThat(queries.get(0).at("/MetricStat/Metric/Dimensions/0/Value").asText()).isEqualTo("web-asg");
        assertThat(bodies.get(1).get("NextToken").asText()).isEqualTo("page-2-token");
        assertThat(bodies.get(1).get("MetricDataQueries")).isEqualTo(first.get("MetricDataQueries"));
    }

    @Test
    void returnsTheDatapointsOfEveryPageWithTheirTimestampsAliasAndUnit() throws Exception {
        List<ProbeSample> samples = probe(Map.of()).sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(samples).filteredOn(s -> s.metric().equals("cpu"))
                .extracting(ProbeSample::timestamp, ProbeSample::value, ProbeSample::unit)
                .as("the minute still filling at 'to' is left out")
                .containsExactly(tuple(at(-180), 41.5, "percent"), tuple(at(-120), 55.0, "percent"),
                        tuple(at(-60), 71.25, "percent"));
        assertThat(samples).filteredOn(s -> s.metric().equals("alb p99"))
                .extracting(ProbeSample::timestamp, ProbeSample::value, ProbeSample::unit)
                .containsExactly(tuple(at(-120), 0.182, "s"), tuple(at(-60), 0.241, "s"));
        assertThat(samples).allSatisfy(s -> assertThat(s.probeId()).isEqualTo("cloudwatch"));
        assertThat(samples).extracting(ProbeSample::timestamp).isSorted();
        assertThat(samples.get(0).dimensions()).isEqualTo(Map.of("AutoScalingGroupName", "web-asg"));
    }

    @Test
    void aDatapointIsReportedOnce() throws Exception {
        Probe probe = probe(Map.of());
        probe.sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS);
        List<ProbeSample> again = probe.sample(to, to.plusSeconds(60)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(again).extracting(ProbeSample::metric, ProbeSample::timestamp)
                .as("only the minute that completed since").containsExactly(tuple("cpu", at(0)));
    }

    @Test
    void theGroupAndLoadBalancerGiveTheDefaultMetrics() throws Exception {
        CloudWatchProbeProvider provider = new CloudWatchProbeProvider();
        Map<String, Object> settings = Map.of("auto_scaling_group", "web-asg", "load_balancer", "app/web/50dc6c495c",
                "endpoint", server.baseUrl(), "region", "us-east-1");
        Probe probe = provider.create(new PluginConfig("cloudwatch", settings, provider.configKeys()));
        assertThat(probe.period()).isEqualTo(Duration.ofSeconds(60));
        probe.sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS);

        List<JsonNode> queries = new ArrayList<>();
        CloudWatchWire.bodies(server, GET).get(0).get("MetricDataQueries").forEach(queries::add);
        assertThat(queries).extracting(q -> q.get("Id").asText(), q -> q.at("/MetricStat/Metric/MetricName").asText(),
                q -> q.at("/MetricStat/Stat").asText(), q -> q.at("/MetricStat/Metric/Dimensions/0/Value").asText())
                .containsExactly(tuple("cpu", "CPUUtilization", "Average", "web-asg"),
                        tuple("target_response_time", "TargetResponseTime", "Average", "app/web/50dc6c495c"),
                        tuple("request_count", "RequestCount", "Sum", "app/web/50dc6c495c"),
                        tuple("target_5xx", "HTTPCode_Target_5XX_Count", "Sum", "app/web/50dc6c495c"));
    }

    @Test
    void badSettingsAreAllReportedAtOnce() {
        CloudWatchProbeProvider provider = new CloudWatchProbeProvider();
        Map<String, Object> settings = Map.of("period", "45s", "metrics", List.of(
                Map.of("namespace", "AWS/EC2", "alias", "cpu"),
                Map.of("namespace", "AWS/EC2", "name", "CPUUtilization", "alias", "cpu", "statistic", "Average")));
        assertThatThrownBy(() -> provider.create(new PluginConfig("cloudwatch", settings, provider.configKeys())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period: CloudWatch accepts")
                .hasMessageContaining("metrics[0].name: missing")
                .hasMessageContaining("metrics[1].statistic: unknown key")
                .hasMessageContaining("metrics[1].alias: \"cpu\" is the alias of metrics[0] too");
        assertThatThrownBy(() -> provider.create(new PluginConfig("cloudwatch", Map.of(), provider.configKeys())))
                .hasMessageContaining("metrics: give metrics, auto_scaling_group or load_balancer");
    }

    @Test
    void theSharedAwsKeysAreCheckedWithTheProbesOwn() {
        CloudWatchProbeProvider provider = new CloudWatchProbeProvider();
        Map<String, Object> settings = Map.of("period", "45s", "auto_scaling_group", "web-asg", "timeout", "0s",
                "max_attempts", 0, "endpoint", "localhost:4566");
        assertThatThrownBy(() -> provider.create(new PluginConfig("cloudwatch", settings, provider.configKeys())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period: CloudWatch accepts")
                .hasMessageContaining("timeout: must be positive")
                .hasMessageContaining("max_attempts: must be 1 to 20, got 0")
                .hasMessageContaining("endpoint: \"localhost:4566\" is not an absolute URL");
    }

    private Probe probe(Map<String, Object> extra) {
        CloudWatchProbeProvider provider = new CloudWatchProbeProvider();
        Map<String, Object> settings = new HashMap<>(Map.of("endpoint", server.baseUrl(), "region", "us-east-1",
                "metrics", List.of(
                        Map.of("namespace", "AWS/EC2", "name", "CPUUtilization", "alias", "cpu", "unit", "percent",
                                "dimensions", Map.of("AutoScalingGroupName", "web-asg")),
                        Map.of("namespace", "AWS/ApplicationELB", "name", "TargetResponseTime", "stat", "p99",
                                "alias", "alb p99", "unit", "s",
                                "dimensions", Map.of("LoadBalancer", "app/web/50dc6c495c")))));
        settings.putAll(extra);
        assertThat(new PluginConfig("cloudwatch", settings, provider.configKeys()).validate(provider.configKeys()))
                .isEmpty();
        return provider.create(new PluginConfig("cloudwatch", settings, provider.configKeys()));
    }

    /** {@code seconds} from {@link #minute}. */
    private Instant at(long seconds) {
        return minute.plusSeconds(seconds);
    }
}
