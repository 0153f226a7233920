package dev.onrush.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PayloadSize;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.core.model.TestType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code parse(toYaml(t))} equals {@code t} for seeded random valid tests. */
class PlanRoundTripTest {

    private static final String[] WORDS = {"users", "orders", "yes", "no", "123", "1.5", "null", "true", "a b",
        "x:y", "#tag", "- dash", "é", "~", "on"};
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final PlanParser parser = new PlanParser(Set.of("console", "json", "hdr-log", "dynamodb"),
            Set.of("autoscaling"));
    private final PlanWriter writer = new PlanWriter();

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void writtenPlanParsesBackToTheSameTest(long seed) {
        LoadTest test = randomTest(new SplittableRandom(seed));
        String yaml = writer.toYaml(test);
        LoadTest back;
        try {
            back = parser.parse(yaml, "seed-" + seed, List.of());
        } catch (PlanException e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + yaml, e);
        }
        assertThat(back).as("seed %d, YAML:%n%s", seed, yaml).isEqualTo(test);
    }

    private static LoadTest randomTest(SplittableRandom r) {
        LoadTest.Builder b = LoadTest.builder(word(r) + "-" + r.nextInt(100)).target(target(r));
        int scenarioCount = r.nextInt(1, 4);
        List<String> requestNames = new ArrayList<>();
        for (int i = 0; i < scenarioCount; i++) {
            Scenario s = scenario(r, "s" + i + "-" + word(r), i == 0);
            s.requests().forEach(q -> requestNames.add(q.name()));
            b.scenario(s);
        }
        List<String> phaseNames = new ArrayList<>();
        if (r.nextBoolean()) {
            b.type(TestType.values()[r.nextInt(TestType.values().length)]);
            b.load(r.nextBoolean()
                    ? LoadSettings.users(r.nextInt(1, 500), duration(r, true), duration(r, false), duration(r, false))
                    : LoadSettings.rate(r.nextInt(1, 50_000) / 10.0, duration(r, true), duration(r, false),
                    duration(r, false)));
        } else {
            b.type(r.nextBoolean() ? TestType.CUSTOM : TestType.SPIKE);
            for (int i = 0, n = r.nextInt(1, 5); i < n; i++) {
                String name = "phase-" + i + (r.nextBoolean() ? "" : " " + word(r));
                phaseNames.add(name);
                b.phase(name, duration(r, true), shape(r));
            }
        }
        LoadTest draft = b.build();
        phaseNames = draft.phases().stream().map(p -> p.name()).toList();
        for (int i = 0, n = r.nextInt(0, 5); i < n; i++) {
            b.criterion(criterion(r, requestNames, phaseNames));
        }
        if (r.nextBoolean()) {
            b.sink(PluginSpec.of("json"));
        }
        if (r.nextBoolean()) {
            b.sink(new PluginSpec("dynamodb", settings(r)));
            b.probe(new PluginSpec("autoscaling", settings(r)));
        }
        for (int i = 0, n = r.nextInt(0, 3); i < n; i++) {
            b.tag("k" + i, word(r));
        }
        if (r.nextBoolean()) {
            b.limits(new GeneratorLimits(Duration.ofMillis(r.nextInt(0, 500)), r.nextInt(0, 100) / 4.0));
        }
        return b.build();
    }

    private static Target target(SplittableRandom r) {
        String url = (r.nextBoolean() ? "http" : "https") + "://host" + r.nextInt(10) + ".test"
                + (r.nextBoolean() ? ":" + r.nextInt(1, 65536) : "") + (r.nextBoolean() ? "/base" : "");
        return new Target(URI.create(url), duration(r, true), duration(r, true), r.nextInt(1, 1000),
                r.nextInt(0, 100_000), r.nextBoolean() ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_2, r.nextBoolean());
    }

    private static Scenario scenario(SplittableRandom r, String name, boolean first) {
        int weight = first ? r.nextInt(1, 10) : r.nextInt(0, 10);
        if (r.nextBoolean()) {
            return Scenario.of(name, weight, request(r), r.nextBoolean() ? duration(r, false) : null);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0, n = r.nextInt(1, 5); i < n; i++) {
            steps.add(r.nextInt(3) == 0 ? new Step.Think(duration(r, false)) : request(r));
        }
        steps.add(request(r));
        return new Scenario(name, weight, steps);
    }

    private static Step.Request request(SplittableRandom r) {
        Step.Request q = Step.Request.of(METHODS.get(r.nextInt(METHODS.size())),
                "/p" + r.nextInt(5) + (r.nextBoolean() ? "?q=" + r.nextInt(10) : ""));
        if (r.nextInt(3) == 0) {
            q = q.named(word(r) + " request");
        }
        for (int i = 0, n = r.nextInt(0, 3); i < n; i++) {
            q = q.withHeader("X-H" + i, word(r));
        }
        if (r.nextInt(4) == 0) {
            q = new Step.Request(q.name(), q.method(), "/items/${counter}?k=${random:1:" + r.nextInt(1, 1000)
                    + "}&s=${response_size}", q.headers(), null, null, null, size(r));
            return r.nextBoolean() ? q.withBodySize(size(r)).withHeader("X-Id", "${uuid}-$${lit}") : q;
        }
        return switch (r.nextInt(4)) {
            case 0 -> q.withJsonBody("{\"id\":" + r.nextInt(1000) + ",\"name\":\"" + word(r)
                    + "\",\"ok\":true,\"price\":" + r.nextInt(100) / 4.0 + ",\"tags\":[\"a\",null]}");
            case 1 -> q.withJsonBody("[1, 2]"); // not Jackson's own spelling: written as body text
            case 2 -> new Step.Request(q.name(), q.method(), q.path(), q.headers(), word(r) + "\nline 2",
                    r.nextBoolean() ? "text/plain" : null);
            default -> q;
        };
    }

    private static PayloadSize size(SplittableRandom r) {
        long a = r.nextLong(0, 1L << 24);
        long b = a + r.nextLong(0, 1L << 24);
        return switch (r.nextInt(4)) {
            case 0 -> PayloadSize.fixed(a);
            case 1 -> PayloadSize.uniform(a, b);
            case 2 -> new PayloadSize.LogNormal(a + 1, b + 1, r.nextBoolean() ? 0 : a / 2, b + 1 + r.nextInt(1000));
            default -> r.nextBoolean() ? PayloadSize.Choice.of(a, b, 1024L)
                    : new PayloadSize.Choice(List.of(a, b), List.of(r.nextInt(0, 5), r.nextInt(1, 5)));
        };
    }

    private static LoadShape shape(SplittableRandom r) {
        if (r.nextBoolean()) {
            int from = r.nextInt(0, 200);
            return LoadShape.users(from, r.nextBoolean() ? from + 1 : r.nextInt(1, 200));
        }
        double from = r.nextInt(0, 20_000) / 10.0;
        return LoadShape.rate(from, r.nextBoolean() ? from + 0.5 : r.nextInt(1, 20_000) / 10.0);
    }

    private static Criterion criterion(SplittableRandom r, List<String> requests, List<String> phases) {
        Criterion c = Criterion.parse(switch (r.nextInt(4)) {
            case 0 -> "p" + List.of("50", "90", "95", "99", "999").get(r.nextInt(5)) + " < " + r.nextInt(1, 5000)
                    + "ms";
            case 1 -> "error_rate <= " + r.nextInt(0, 100) / 10.0 + "%";
            case 2 -> "throughput > " + r.nextInt(1, 1000) + "/s";
            default -> "max < " + r.nextInt(1, 10) + "s";
        });
        if (r.nextBoolean()) {
            c = c.forRequest(requests.get(r.nextInt(requests.size())));
        }
        if (r.nextBoolean()) {
            c = c.forPhase(phases.get(r.nextInt(phases.size())));
        }
        return r.nextInt(3) == 0 ? c.abortingAfter(duration(r, false)) : c;
    }

    private static Map<String, Object> settings(SplittableRandom r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", word(r));
        m.put("batch", r.nextInt(1, 100));
        m.put("big", 1L << 40);
        m.put("ratio", r.nextInt(100) / 8.0);
        m.put("enabled", r.nextBoolean());
        m.put("dims", List.of(word(r), Map.of("nested", r.nextInt(5))));
        return m;
    }

    /** Whole milliseconds or seconds; {@code positive} excludes zero. */
    private static Duration duration(SplittableRandom r, boolean positive) {
        int min = positive ? 1 : 0;
        return switch (r.nextInt(3)) {
            case 0 -> Duration.ofMillis(r.nextInt(min, 5000));
            case 1 -> Duration.ofSeconds(r.nextInt(min, 4000));
            default -> Duration.ofMinutes(r.nextInt(min, 200));
        };
    }

    private static String word(SplittableRandom r) {
        return WORDS[r.nextInt(WORDS.length)];
    }
}
