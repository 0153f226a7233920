package dev.onrush.demo;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeContext;
import dev.onrush.spi.probe.ProbeProvider;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code probes: [{id: demo-capacity, period: 1s}]}: the capacity of a {@link DemoTarget}, read from its
 * {@code GET <url>/admin/capacity}, so that scaling can be tested end to end locally as the {@code autoscaling}
 * probe tests it against AWS. Each sample, at the window's end (unit {@code count}): {@code capacity} (requests the
 * target serves at once now: the metric the scalability analysis reads, like the Auto Scaling probe's
 * {@code in_service}), {@code requests_in_service}, {@code requests_queued}, and one {@code scaling_activity} per
 * scale event since the previous sample (from the run's start on), at its own time, valued by the change (dimensions {@code from},
 * {@code to}), as the Auto Scaling probe reports its activities.
 *
 * <p>Settings: {@code url} (default: the plan's target URL), {@code period} (default {@code 1s}), {@code timeout}
 * of one request (default {@code 2s}). The request is asynchronous (JDK {@link HttpClient}): the probe worker
 * never waits for it; a refused connection, a timeout, a status other than 200 or a body without {@code capacity}
 * fails that sample. Thread-safe provider; each probe is sampled by one thread at a time.
 */
public final class DemoCapacityProbeProvider implements ProbeProvider {

    public static final String ID = "demo-capacity";
    /** The metric the scalability analysis reads as the target's capacity. */
    public static final String CAPACITY = "capacity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                ConfigKey.url("url", null,
                        "base URL of the DemoTarget; default: the plan's target URL"),
                ConfigKey.optional("period", ConfigKey.Type.DURATION, "1s", "how often to sample"),
                ConfigKey.optional("timeout", ConfigKey.Type.DURATION, "2s", "how long one request may take"));
    }

    @Override
    public Probe create(PluginConfig config) {
        String url = config.string("url");
        URI base = null;
        if (url != null) {
            try {
                base = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("url: \"" + url + "\" is not a URL", e);
            }
            if (base.getScheme() == null || base.getHost() == null) {
                throw new IllegalArgumentException("url: \"" + url + "\" is not an http(s) URL with a host");
            }
        }
        Duration period = config.duration("period");
        if (period.isZero()) {
            throw new IllegalArgumentException("period: must be positive");
        }
        return new DemoCapacityProbe(base, period, config.duration("timeout"));
    }

    /** Reads {@code /admin/capacity}. */
    static final class DemoCapacityProbe implements Probe {
        private final Duration period;
        private final Duration timeout;
        private final HttpClient client;
        private volatile URI base;
        /**
         * The newest scale event already reported, or null before the first sample (events before the run are
         * not reported). Samples never overlap; volatile for the hand-over between the HTTP client's threads.
         */
        private volatile Instant lastEventAt;

        DemoCapacityProbe(URI base, Duration period, Duration timeout) {
            this.base = base;
            this.period = period;
            this.timeout = timeout;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .build();
        }

        @Override
        public void start(RunInfo run, ProbeContext context) {
            if (base == null) {
                base = context.targetUrl();
            }
        }

        @Override
        public Duration period() {
            return period;
        }

        @Override
        public CompletionStage<List<ProbeSample>> sample(Instant from, Instant to) {
            URI target = base;
            if (target == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "demo-capacity: no url given and no plan target attached"));
            }
            URI uri = URI.create(target.toString().replaceAll("/+$", "") + "/admin/capacity");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            if (lastEventAt == null) {
                lastEventAt = from.minusNanos(1);
            }
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> parse(uri, response, to));
        }

        private List<ProbeSample> parse(URI uri, HttpResponse<String> response, Instant at) {
            if (response.statusCode() != 200) {
                throw new CompletionException(new IOException("GET " + uri + " answered " + response.statusCode()));
            }
            JsonObject body;
            try {
                body = new JsonObject(response.body());
            } catch (DecodeException | ClassCastException e) {
                throw new CompletionException(new IOException("GET " + uri + ": the body is not a JSON object", e));
            }
            if (!(body.getValue(CAPACITY) instanceof Number capacity)) {
                throw new CompletionException(new IOException("GET " + uri + ": no numeric \"capacity\" in the "
                        + "answer; is it a DemoTarget?"));
            }
            Map<String, String> dims = Map.of("target", base.toString());
            List<ProbeSample> samples = new ArrayList<>();
            samples.add(new ProbeSample(ID, CAPACITY, at, capacity.doubleValue(), "count", dims));
            samples.add(new ProbeSample(ID, "requests_in_service", at, number(body, "in_service"), "count", dims));
            samples.add(new ProbeSample(ID, "requests_queued", at, number(body, "queued"), "count", dims));
            JsonArray events = body.getValue("scale_events") instanceof JsonArray a ? a : new JsonArray();
            for (Object item : events) {
                if (!(item instanceof JsonObject event)) {
                    continue;
                }
                Instant eventAt = Instant.parse(event.getString("at"));
                if (eventAt.isAfter(lastEventAt)) {
                    lastEventAt = eventAt;
                    int fromCapacity = (int) number(event, "from");
                    int toCapacity = (int) number(event, "to");
                    samples.add(new ProbeSample(ID, "scaling_activity", eventAt, toCapacity - fromCapacity, "count",
                            Map.of("target", base.toString(), "from", Integer.toString(fromCapacity),
                                    "to", Integer.toString(toCapacity))));
                }
            }
            return samples;
        }

        /** The number at {@code key}, 0 when absent or not a number (as Jackson's {@code asDouble} read it). */
        private static double number(JsonObject json, String key) {
            return json.getValue(key) instanceof Number n ? n.doubleValue() : 0;
        }
    }
}
