package dev.onrush.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PayloadSize;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.TestType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Payload sizes and templates in plans: parsing, and problems reported with their path and line. */
class VolumePlanTest {

    private final PlanParser parser = new PlanParser(Set.of("console", "json"), Set.of());

    private static String plan(String request) {
        return """
                name: v
                type: volume
                target: {url: http://localhost:8080}
                load: {rate: 10, duration: 10s, ramp_up: 2s}
                scenarios:
                  - name: s
                    request: %s
                """.formatted(request);
    }

    private List<PlanException.Problem> problems(String yaml) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(yaml, "v.yaml", List.of()));
        assertThat(e).as("expected a PlanException").isNotNull();
        return e.problems();
    }

    @Test
    void readsSizesAndTemplates() {
        LoadTest t = parser.parse(plan("""
                {method: PUT, path: "/items/${counter}?s=${response_size}", headers: {X-Id: "${uuid}"},
                      body_size: {distribution: uniform, min: 1KiB, max: 10MiB},
                      response_size: {distribution: choice, sizes: [1KiB, 1MB], weights: [3, 1]}}"""), "v.yaml",
                List.of());

        Step.Request r = t.scenarios().get(0).requests().get(0);
        assertThat(t.type()).isEqualTo(TestType.VOLUME);
        assertThat(t.phases()).extracting(p -> p.name()).containsExactly("ramp_up", "steady");
        assertThat(r.bodySize()).isEqualTo(PayloadSize.uniform(1024, 10 << 20));
        assertThat(r.responseSize()).isEqualTo(new PayloadSize.Choice(List.of(1024L, 1_000_000L), List.of(3, 1)));
        assertThat(r.name()).isEqualTo("PUT /items/${counter}?s=${response_size}");
        assertThat(r.isTemplated()).isTrue();
    }

    @Test
    void aScalarSizeIsFixedAndLognormalMinDefaultsToZero() {
        LoadTest t = parser.parse(plan("""
                {method: POST, path: /up, body_size: 64KiB, response_size: {distribution: lognormal, median: 1KiB,
                      p99: 1MiB, max: 4MiB}}"""), "v.yaml", List.of());

        Step.Request r = t.scenarios().get(0).requests().get(0);
        assertThat(r.bodySize()).isEqualTo(PayloadSize.fixed(65536));
        assertThat(r.responseSize()).isEqualTo(new PayloadSize.LogNormal(1024, 1 << 20, 0, 4 << 20));
    }

    @Test
    void unknownVariableIsReportedAtItsField() {
        String yaml = plan("""
                {path: "/items/${conter}", headers: {X-A: "${random:9:1}"}}""");

        assertThat(problems(yaml)).extracting(PlanException.Problem::path, PlanException.Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scenarios[0].request.path", 7),
                        org.assertj.core.groups.Tuple.tuple("scenarios[0].request.headers.X-A", 7));
        assertThat(problems(yaml).get(0).message()).contains("\"${conter}\" is not a known variable",
                "${counter}, ${random:MIN:MAX}");
    }

    @Test
    void sizeVariablesNeedTheirDistributions() {
        assertThat(problems(plan("{path: \"/bytes?size=${response_size}\"}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("scenarios[0].request.path");
                    assertThat(p.message()).contains("needs response_size");
                });
        assertThat(problems(plan("{method: POST, path: /x, json: {n: \"${size}\"}}")))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("scenarios[0].request.json"));
    }

    @Test
    void badSizesAreReportedWithTheirPath() {
        List<PlanException.Problem> p = problems(plan("""
                {path: /x, body_size: {distribution: uniform, min: 10MiB, max: 1KiB},
                      response_size: {distribution: gaussian, min: 1}}"""));
        assertThat(p).extracting(PlanException.Problem::path).containsExactly("scenarios[0].request.body_size",
                "scenarios[0].request.response_size.distribution");
        assertThat(p.get(0).message()).contains("min 10MiB is more than max 1KiB");

        assertThat(problems(plan("{path: /x, body_size: 3 parsecs}"))).singleElement()
                .satisfies(q -> assertThat(q.message()).contains("\"3 parsecs\" is not a size"));
        assertThat(problems(plan("{path: /x, body_size: {distribution: uniform, min: 1, median: 2}}")))
                .extracting(PlanException.Problem::path).containsExactly(
                        "scenarios[0].request.body_size.median", "scenarios[0].request.body_size.max");
        assertThat(problems(plan("{method: POST, path: /x, body: hi, body_size: 1KiB}"))).singleElement()
                .satisfies(q -> assertThat(q.message()).contains("either body_size"));
    }

    @Test
    void theVolumeExampleParses() {
        LoadTest t = new PlanParser().parse(Path.of("../examples/volume.yaml"));

        assertThat(t.type()).isEqualTo(TestType.VOLUME);
        assertThat(t.scenarios()).allSatisfy(s -> assertThat(s.requests()).allMatch(Step.Request::isTemplated));
    }
}
