package dev.onrush.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A weighted user journey: the steps one virtual user (closed model) or one arrival (open model) goes through.
 *
 * @param name   unique within the test
 * @param weight relative share among the test's scenarios, {@code >= 0} (the sum over a test must be {@code > 0})
 * @param steps  at least one request; a request using {@code ${size}} or {@code ${response_size}} must have its
 *               {@code body_size} or {@code response_size}
 */
public record Scenario(String name, int weight, List<Step> steps) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        if (weight < 0) {
            throw new IllegalArgumentException("scenario '" + name + "': weight must be >= 0, got " + weight);
        }
        steps = List.copyOf(steps);
        if (steps.stream().noneMatch(s -> s instanceof Step.Request)) {
            throw new IllegalArgumentException("scenario '" + name + "': needs at least one request step");
        }
        for (Step s : steps) {
            if (s instanceof Step.Request r) {
                try {
                    r.requireSizeVariablesBacked();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("scenario '" + name + "': " + e.getMessage(), e);
                }
            }
        }
    }

    /** A one-request scenario, optionally followed by a think time (the seed's "request pattern"). */
    public static Scenario of(String name, int weight, Step.Request request, Duration thinkTime) {
        List<Step> steps = new ArrayList<>();
        steps.add(request);
        if (thinkTime != null && !thinkTime.isZero()) {
            steps.add(new Step.Think(thinkTime));
        }
        return new Scenario(name, weight, steps);
    }

    /** The request steps, in order. */
    public List<Step.Request> requests() {
        return steps.stream().filter(Step.Request.class::isInstance).map(Step.Request.class::cast).toList();
    }
}
