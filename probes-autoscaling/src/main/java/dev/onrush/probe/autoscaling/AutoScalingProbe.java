package dev.onrush.probe.autoscaling;

import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.probe.Probe;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Samples one Auto Scaling group. Each sample: {@code desired_capacity}, {@code in_service} (instances in service),
 * {@code min_size}, {@code max_size} at the window's end (unit {@code count}), and one {@code scaling_activity} per
 * activity that started in the window, at its start time, valued by {@link CapacityChange}. Activities are reported
 * once each. Called by the engine's probe worker, one sample at a time; not thread-safe otherwise.
 */
final class AutoScalingProbe implements Probe {

    static final String ID = "autoscaling";
    /** Dimension text longer than this is cut (with an ellipsis). */
    static final int MAX_TEXT = 256;
    /** Activity pages read per sample at most (newest first; 100 activities a page). */
    private static final int MAX_PAGES = 5;

    private final AutoScalingClient client;
    private final String group;
    private final Duration period;
    private final Set<String> reported = new HashSet<>();

    AutoScalingProbe(AutoScalingClient client, String group, Duration period) {
        this.client = client;
        this.group = group;
        this.period = period;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public CompletionStage<List<ProbeSample>> sample(Instant from, Instant to) {
        try {
            List<ProbeSample> samples = new ArrayList<>(capacity(to));
            samples.addAll(activities(from, to));
            return CompletableFuture.completedFuture(samples);
        } catch (SdkException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<ProbeSample> capacity(Instant at) {
        List<AutoScalingGroup> groups = client.describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
                .autoScalingGroups();
        AutoScalingGroup g = groups.stream().filter(x -> group.equals(x.autoScalingGroupName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Auto Scaling group named " + group));
        long inService = g.instances().stream()
                .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE).count();
        Map<String, String> dims = Map.of("AutoScalingGroupName", group);
        return List.of(
                new ProbeSample(ID, "desired_capacity", at, g.desiredCapacity(), "count", dims),
                new ProbeSample(ID, "in_service", at, inService, "count", dims),
                new ProbeSample(ID, "min_size", at, g.minSize(), "count", dims),
                new ProbeSample(ID, "max_size", at, g.maxSize(), "count", dims));
    }

    /** Activities that started in {@code [from, to)}, oldest first, each reported once. */
    private List<ProbeSample> activities(Instant from, Instant to) {
        List<ProbeSample> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String next = token;
            DescribeScalingActivitiesResponse response = client.describeScalingActivities(r -> r
                    .autoScalingGroupName(group).nextToken(next));
            boolean older = false;
            for (Activity a : response.activities()) {
                if (a.startTime() == null || a.startTime().isBefore(from)) {
                    older = true; // newest first: the rest is older still
                    break;
                }
                if (a.startTime().isBefore(to) && reported.add(a.activityId())) {
                    out.add(0, activity(a));
                }
            }
            token = response.nextToken();
            if (older || token == null || token.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private ProbeSample activity(Activity a) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("AutoScalingGroupName", group);
        dims.put("activity_id", a.activityId());
        dims.put("status", a.statusCodeAsString() == null ? "" : a.statusCodeAsString());
        dims.put("description", truncate(a.description()));
        dims.put("cause", truncate(a.cause()));
        CapacityChange change = CapacityChange.of(a.description(), a.cause());
        dims.put("change_known", Boolean.toString(change.known()));
        return new ProbeSample(ID, "scaling_activity", a.startTime(), change.delta(), "count", dims);
    }

    static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    @Override
    public CompletionStage<Void> close() {
        client.close();
        return CompletableFuture.completedFuture(null);
    }
}
