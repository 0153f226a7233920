package dev.onrush.core.internal.engine;

import dev.onrush.core.internal.engine.http1.RequestTemplate;
import dev.onrush.core.internal.engine.http1.TemplatedRequest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A scenario turned into what a shard runs: an array of steps with pre-encoded requests. One instance per
 * shard (the request buffers are not shared across event loops). Immutable after construction.
 */
final class CompiledScenario {

    final String name;
    final int weight;
    /** For step {@code i}: think time in ns, or {@code -1} when it is a request. */
    final long[] thinkNs;
    /** For step {@code i}: the request name's index, or {@code -1} for a think step. */
    final int[] requestIndex;
    /** Static requests: encoded once (null for templated steps). */
    final RequestTemplate[] templates;
    /** Templated requests: encoded per request (null for static steps and think steps). */
    final TemplatedRequest[] templated;
    /** Static requests: body bytes (0 for none), for the size classes. */
    final long[] bodyBytes;
    /** HTTP/2 path only: per step, the request options and body (null on the HTTP/1.1 path). */
    final RequestOptions[] clientOptions;
    final Buffer[] clientBodies;

    /**
     * @param keyVariables the run's key variables ({@link VolumeSetup#keyVariables})
     */
    CompiledScenario(Scenario scenario, Target target, List<String> requestNames, boolean httpClient,
                     List<String> keyVariables) {
        this.name = scenario.name();
        this.weight = scenario.weight();
        int n = scenario.steps().size();
        thinkNs = new long[n];
        requestIndex = new int[n];
        templates = new RequestTemplate[n];
        templated = new TemplatedRequest[n];
        bodyBytes = new long[n];
        clientOptions = httpClient ? new RequestOptions[n] : null;
        clientBodies = httpClient ? new Buffer[n] : null;
        String host = hostHeader(target);
        for (int i = 0; i < n; i++) {
            Step step = scenario.steps().get(i);
            if (step instanceof Step.Think think) {
                thinkNs[i] = think.duration().toNanos();
                requestIndex[i] = -1;
            } else if (step instanceof Step.Request r) {
                thinkNs[i] = -1;
                requestIndex[i] = requestNames.indexOf(r.name());
                if (r.isTemplated()) {
                    templated[i] = new TemplatedRequest(r.method(), host, target.basePath(), r.path(), r.headers(),
                            r.body(), r.contentType(), r.bodySize(), r.responseSize(), keyVariables);
                } else {
                    byte[] body = r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8);
                    bodyBytes[i] = body == null ? 0 : body.length;
                    templates[i] = new RequestTemplate(r.method(), host, target.basePath() + r.path(), r.headers(),
                            body, r.contentType());
                }
                if (httpClient) {
                    clientOptions[i] = HttpClientPath.options(r, target);
                    clientBodies[i] = HttpClientPath.body(r);
                }
            }
        }
    }

    /** The most variables of any templated request here. */
    int slots() {
        int max = 0;
        for (TemplatedRequest t : templated) {
            max = t == null ? max : Math.max(max, t.slots());
        }
        return max;
    }

    int steps() {
        return thinkNs.length;
    }

    /** Picks an index from {@code scenarios} with probability proportional to its weight. */
    static int pick(CompiledScenario[] scenarios, int[] cumulativeWeights, SplittableRandom random) {
        int total = cumulativeWeights[cumulativeWeights.length - 1];
        int x = random.nextInt(total);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (x < cumulativeWeights[i]) {
                return i;
            }
        }
        return scenarios.length - 1;
    }

    static String hostHeader(Target target) {
        String host = target.url().getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = target.url().getPort();
        return port > 0 ? host + ":" + port : host;
    }
}
