package dev.onrush.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run is about to do, handed to sinks before the first request.
 *
 * @param testId          unique id of this run, e.g. {@code 20261127-110642-checkout-baseline}
 * @param name            the test's name from the plan
 * @param type            the test type ({@code baseline}, {@code stress}, ...)
 * @param targetUrl       the base URL under load
 * @param startedAt       when the first phase starts
 * @param plannedDuration the sum of the phases' durations
 * @param phases          the phases in order
 * @param requestNames    every request name the scenarios can send
 * @param outputDir       the run's local results folder (already created); {@code null} when the run keeps no
 *                        local files
 * @param tags            free-form tags from the plan
 */
public record RunInfo(String testId, String name, String type, String targetUrl, Instant startedAt,
                      Duration plannedDuration, List<PhaseInfo> phases, List<String> requestNames, Path outputDir,
                      Map<String, String> tags) {

    public RunInfo {
        phases = List.copyOf(phases);
        requestNames = List.copyOf(requestNames);
        tags = Map.copyOf(tags);
    }

    /**
     * One planned phase.
     *
     * @param name     the phase's name
     * @param offset   when it starts, from the run's start
     * @param duration how long it lasts
     * @param shape    the load shape as text, e.g. {@code "users 0→100"}
     */
    public record PhaseInfo(String name, Duration offset, Duration duration, String shape) {
    }
}
