package dev.onrush.probe.autoscaling;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the probe asks Auto Scaling and makes of the answers, against WireMock speaking the Query protocol. */
class AutoScalingProbeTest {

    private static WireMockServer server;
    private final Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant from = to.minusSeconds(60);

    @BeforeAll
    static void startAutoScaling() {
        System.setProperty("aws.accessKeyId", "test-key");
        System.setProperty("aws.secretAccessKey", "test-secret");
        server = AutoScalingWire.start();
    }

    @AfterAll
    static void stopAutoScaling() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        AutoScalingWire.group(server, "web-asg", 2, 10, 4, List.of("InService", "InService", "InService", "Pending"));
        // newest first, as Auto Scaling answers, over two pages; the last one started before the window
        AutoScalingWire.activities(server, null, AutoScalingWire.activity("a-3",
                "Launching a new EC2 instance: i-03abc", "x".repeat(600), from.plusSeconds(30), "InProgress"),
                "page-2");
        AutoScalingWire.activities(server, "page-2", AutoScalingWire.activity("a-2",
                "Terminating EC2 instance: i-02abc", "an instance was taken out of service", from.plusSeconds(10),
                "Successful") + AutoScalingWire.activity("a-1", "Launching a new EC2 instance: i-01abc",
                "a user request", from.minusSeconds(100), "Successful"), null);
    }

    @Test
    void samplesTheGroupsCapacityAndTheWindowsActivities() throws Exception {
        List<ProbeSample> samples = probe().sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(value(samples, "desired_capacity")).isEqualTo(4);
        assertThat(value(samples, "in_service")).as("Pending is not in service").isEqualTo(3);
        assertThat(value(samples, "min_size")).isEqualTo(2);
        assertThat(value(samples, "max_size")).isEqualTo(10);
        assertThat(samples).filteredOn(s -> s.metric().equals("desired_capacity")).singleElement().satisfies(s -> {
            assertThat(s.timestamp()).isEqualTo(to);
            assertThat(s.unit()).isEqualTo("count");
            assertThat(s.dimensions()).containsEntry("AutoScalingGroupName", "web-asg");
            assertThat(s.probeId()).isEqualTo("autoscaling");
        });

        List<ProbeSample> activities = samples.stream().filter(s -> s.metric().equals("scaling_activity")).toList();
        assertThat(activities).extracting(s -> s.dimensions().get("activity_id")).containsExactly("a-2", "a-3");
        assertThat(activities.get(0).value()).isEqualTo(-1);
        assertThat(activities.get(0).timestamp()).isEqualTo(from.plusSeconds(10));
        assertThat(activities.get(0).dimensions()).containsEntry("status", "Successful")
                .containsEntry("cause", "an instance was taken out of service");
        assertThat(activities.get(1).value()).isEqualTo(1);
        assertThat(activities.get(1).dimensions().get("status")).isEqualTo("InProgress");
        assertThat(activities.get(1).dimensions().get("cause")).hasSize(AutoScalingProbe.MAX_TEXT).endsWith("…");

        List<String> groupForms = AutoScalingWire.forms(server, "DescribeAutoScalingGroups");
        assertThat(groupForms).singleElement().satisfies(f -> assertThat(f)
                .contains("Version=2011-01-01", "AutoScalingGroupNames.member.1=web-asg"));
        List<String> activityForms = AutoScalingWire.forms(server, "DescribeScalingActivities");
        assertThat(activityForms).hasSize(2);
        assertThat(activityForms.get(0)).contains("AutoScalingGroupName=web-asg").doesNotContain("NextToken");
        assertThat(activityForms.get(1)).contains("NextToken=page-2");
    }

    @Test
    void anActivityIsReportedOnce() throws Exception {
        Probe probe = probe();
        probe.sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS);
        List<ProbeSample> again = probe.sample(from, to.plusSeconds(15)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertThat(again).filteredOn(s -> s.metric().equals("scaling_activity")).isEmpty();
        assertThat(again).extracting(ProbeSample::metric)
                .containsExactlyInAnyOrder("desired_capacity", "in_service", "min_size", "max_size");
    }

    @Test
    void anUnknownGroupFailsTheSample() {
        AutoScalingWire.groups(server, "");
        assertThatThrownBy(() -> probe().sample(from, to).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("no Auto Scaling group named web-asg");
    }

    @Test
    void capacityChangeIsReadFromTheText() {
        assertThat(CapacityChange.of("Launching a new EC2 instance: i-1", "from 1 to 9"))
                .isEqualTo(new CapacityChange(1, true));
        assertThat(CapacityChange.of("Updating the group", "a user request changing the desired capacity from 6 to 2."))
                .isEqualTo(new CapacityChange(-4, true));
        assertThat(CapacityChange.of("Moving an instance to the warm pool", "a lifecycle hook"))
                .isEqualTo(new CapacityChange(0, false));
    }

    @Test
    void theGroupIsRequiredAndThePeriodDefaultsTo15Seconds() {
        AutoScalingProbeProvider provider = new AutoScalingProbeProvider();
        assertThat(new PluginConfig("autoscaling", Map.of(), provider.configKeys()).validate(provider.configKeys()))
                .singleElement().asString().startsWith("group: missing");
        assertThat(probe().period()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void everyBadKeyIsReportedAtOnce() {
        AutoScalingProbeProvider provider = new AutoScalingProbeProvider();
        PluginConfig bad = new PluginConfig("autoscaling", Map.of("group", " ", "period", "0s", "timeout", "0s",
                "max_attempts", 21), provider.configKeys());

        assertThatThrownBy(() -> provider.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group: must name").hasMessageContaining("period: must be positive")
                .hasMessageContaining("timeout: must be positive")
                .hasMessageContaining("max_attempts: must be 1 to 20");
    }

    private Probe probe() {
        AutoScalingProbeProvider provider = new AutoScalingProbeProvider();
        Map<String, Object> settings = Map.of("group", "web-asg", "endpoint", server.baseUrl(), "region", "us-east-1");
        return provider.create(new PluginConfig("autoscaling", settings, provider.configKeys()));
    }

    private static double value(List<ProbeSample> samples, String metric) {
        return samples.stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow().value();
    }
}
