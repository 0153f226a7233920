package dev.onrush.app.serve;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service's settings, {@code onrush.serve.*} (system properties, {@code ONRUSH_SERVE_*} environment variables or
 * {@code application.properties}). Read once at startup.
 */
@ConfigMapping(prefix = "onrush.serve")
public interface ServeConfig {

    /** Set by {@code onrush serve} (and the test profile): whether this process is the service. */
    @WithDefault("false")
    boolean enabled();

    /** The bearer token every {@code /api} call must present ({@code ONRUSH_SERVE_TOKEN}). */
    Optional<String> token();

    /** No token needed, HTTP bound to 127.0.0.1 ({@code serve --insecure-local-only}). */
    @WithDefault("false")
    boolean insecureLocalOnly();

    /**
     * Hosts ({@code api.example.com}, {@code *.example.com}) and address ranges ({@code 10.0.0.0/8}, {@code ::1}) that
     * plans may target. Empty: none, except loopback with {@code --insecure-local-only}.
     */
    Optional<List<String>> allowedTargets();

    /** More request headers whose values are secrets, on top of Authorization, Cookie, X-Api-Key and the like. */
    Optional<List<String>> secretHeaders();

    /** Runs at once (REST and schedules together). */
    @WithDefault("2")
    int maxConcurrentRuns();

    /** The largest plan accepted, in bytes (UTF-8). */
    @WithDefault("262144")
    int maxPlanBytes();

    /** The highest arrival rate a plan may ask for, per second. */
    @WithDefault("5000")
    double maxRatePerSec();

    /** The most virtual users a plan may ask for. */
    @WithDefault("1000")
    int maxUsers();

    /** The longest run a plan may ask for (the sum of its phases). */
    @WithDefault("1h")
    Duration maxDuration();

    /**
     * Finished runs kept in memory for the API; older ones are served from their folders (status {@code STORED}),
     * so weeks of schedules do not fill the heap.
     */
    @WithDefault("50")
    int finishedRunsKept();

    /** Where runs get their folders, and where schedules are kept by default. */
    @WithDefault("onrush-results")
    String resultsDir();

    /** Event loops per run; 0: one per processor. */
    @WithDefault("0")
    int eventLoops();

    /** Where schedules are kept: {@code folder} ({@code <results-dir>/schedules/}) or {@code dynamodb}. */
    @WithDefault("folder")
    String scheduleStore();

    /**
     * The DynamoDB table of schedules ({@code schedule-store=dynamodb}); its endpoint and region are the
     * {@code dynamodb} sink's ({@code onrush.sink.dynamodb.endpoint}, {@code onrush.sink.dynamodb.region}).
     */
    @WithDefault("onrush-schedules")
    String schedulesTable();
}
