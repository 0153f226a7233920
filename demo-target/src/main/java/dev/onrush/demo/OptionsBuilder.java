package dev.onrush.demo;

import dev.onrush.demo.DemoTarget.Options;

import java.time.Duration;

/**
 * A mutable, single-thread builder of {@link DemoTarget.Options}, from {@link DemoTarget.Options#builder()} or
 * {@link DemoTarget.Options#newBuilder()}; {@link #build()} validates.
 */
public final class OptionsBuilder {
    private String host = "127.0.0.1";
    private int port;
    private int eventLoops = 1;
    private Duration baseLatency = Duration.ZERO;
    private LatencyModel latency = LatencyModel.NONE;
    private double errorRate;
    private int capacity;
    private Duration stallDuration = Duration.ZERO;
    private Duration stallPeriod = Duration.ZERO;
    private int scaleOutStep;
    private Duration scaleOutDelay = Duration.ZERO;
    private int maxCapacity;
    private Duration scaleInIdle = Duration.ZERO;
    private Duration leakPerSecond = Duration.ZERO;
    private long seed = 42;

    OptionsBuilder() {
    }

    OptionsBuilder(Options from) {
        host = from.host();
        port = from.port();
        eventLoops = from.eventLoops();
        baseLatency = from.baseLatency();
        latency = from.latency();
        errorRate = from.errorRate();
        capacity = from.capacity();
        stallDuration = from.stallDuration();
        stallPeriod = from.stallPeriod();
        scaleOutStep = from.scaleOutStep();
        scaleOutDelay = from.scaleOutDelay();
        maxCapacity = from.maxCapacity();
        scaleInIdle = from.scaleInIdle();
        leakPerSecond = from.leakPerSecond();
        seed = from.seed();
    }

    public OptionsBuilder host(String host) {
        this.host = host;
        return this;
    }

    public OptionsBuilder port(int port) {
        this.port = port;
        return this;
    }

    public OptionsBuilder eventLoops(int eventLoops) {
        this.eventLoops = eventLoops;
        return this;
    }

    public OptionsBuilder baseLatency(Duration baseLatency) {
        this.baseLatency = baseLatency;
        return this;
    }

    public OptionsBuilder latency(LatencyModel latency) {
        this.latency = latency;
        return this;
    }

    public OptionsBuilder errorRate(double errorRate) {
        this.errorRate = errorRate;
        return this;
    }

    public OptionsBuilder capacity(int capacity) {
        this.capacity = capacity;
        return this;
    }

    /** Stalls of {@code duration} every {@code period}; {@code Duration.ZERO} duration turns them off. */
    public OptionsBuilder stalls(Duration duration, Duration period) {
        this.stallDuration = duration;
        this.stallPeriod = period;
        return this;
    }

    /**
     * Scale out: after requests have waited without a break for {@code delay}, add {@code step} to the
     * capacity, up to {@code maxCapacity}. A {@code step} of 0 turns scaling off.
     */
    public OptionsBuilder scaleOut(int step, Duration delay, int maxCapacity) {
        this.scaleOutStep = step;
        this.scaleOutDelay = delay;
        this.maxCapacity = maxCapacity;
        return this;
    }

    /** Scale in: a step less after {@code idle} of a step too much capacity; zero = never. */
    public OptionsBuilder scaleIn(Duration idle) {
        this.scaleInIdle = idle;
        return this;
    }

    /** A leak: service time grows by {@code perSecond} per second of uptime; zero = none. */
    public OptionsBuilder leak(Duration perSecond) {
        this.leakPerSecond = perSecond;
        return this;
    }

    public OptionsBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** @throws IllegalArgumentException listing every invalid field */
    public Options build() {
        return new Options(host, port, eventLoops, baseLatency, latency, errorRate, capacity,
                stallDuration, stallPeriod, scaleOutStep, scaleOutDelay, maxCapacity, scaleInIdle,
                leakPerSecond, seed);
    }
}
