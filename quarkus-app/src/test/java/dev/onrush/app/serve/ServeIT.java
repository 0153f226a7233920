package dev.onrush.app.serve;

import dev.onrush.demo.DemoTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged runner as a process: {@code run} listens on no port; {@code serve} refuses to start without a token,
 * guards its API, runs a plan, and keeps its schedules across a restart.
 */
class ServeIT {

    private static final String TOKEN = "it-token-0c4e";

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private Process launch(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("onrush.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(tmp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ONRUSH_SERVE_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The inodes of the sockets in LISTEN state on this machine (/proc/net/tcp and tcp6). */
    private static Set<String> listeningInodes() throws IOException {
        Set<String> out = new HashSet<>();
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(f);
            if (Files.exists(p)) {
                for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                    String[] cols = line.trim().split("\\s+");
                    if (cols.length > 9 && cols[3].equals("0A")) {
                        out.add(cols[9]);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        out.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed meanwhile
                }
            }
        }
        return out;
    }

    @Test
    void runOpensNoListeningPort() throws Exception {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            Path plan = tmp.resolve("plan.yaml");
            Files.writeString(plan, """
                    name: quiet
                    target: {url: "%s"}
                    scenarios: [{name: s, request: {path: /api/users}}]
                    phases: [{name: p, duration: 6s, rate: 50}]
                    """.formatted(target.baseUrl()));
            Process p = launch(Map.of(), tmp.resolve("run.log"), "run", plan.toString(), "--out",
                    tmp.resolve("out").toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (target.requestsReceived() < 100 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(target.requestsReceived()).as(Files.readString(tmp.resolve("run.log"))).isGreaterThanOrEqualTo(100);
            Set<String> sockets = socketInodes(p.pid());
            assertThat(sockets).as("the runner has its client connections open").isNotEmpty();
            sockets.retainAll(listeningInodes());
            assertThat(sockets).as("listening sockets of `onrush run`").isEmpty();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void serveRefusesToStartWithoutAToken() throws Exception {
        Path log = tmp.resolve("serve.log");
        Process p = launch(Map.of(), log, "serve", "--port", Integer.toString(freePort()));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("refusing to start", "ONRUSH_SERVE_TOKEN", "--insecure-local-only");
    }

    @Test
    void serveGuardsItsApiRunsAPlanAndKeepsSchedulesAcrossARestart() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of("ONRUSH_SERVE_TOKEN", TOKEN, "ONRUSH_SERVE_ALLOWED_TARGETS", "127.0.0.1");
        String[] args = {"serve", "--port", Integer.toString(port), "--host", "127.0.0.1", "--results",
            tmp.resolve("results").toString()};
        Process first = launch(env, tmp.resolve("first.log"), args);
        Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
        awaitReady(api, first, tmp.resolve("first.log"));
        assertThat(api.send("GET", "/api/tests", null, null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/tests", null, null, TOKEN).status()).isEqualTo(200);

        String id;
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            String plan = ServeApiTest.plan("packaged", target.baseUrl(), "[{name: p, duration: 2s, rate: 20}]");
            Api.Reply run = api.send("POST", "/api/tests", "application/yaml", plan, TOKEN);
            assertThat(run.status()).as(run.body()).isEqualTo(201);
            String runId = run.json().get("id").asText();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Api.Reply result;
            do {
                Thread.sleep(200);
                result = api.send("GET", "/api/tests/" + runId + "/result", null, null, TOKEN);
            } while (result.status() != 200 && System.nanoTime() < deadline);
            assertThat(result.json().get("verdict").asText()).isIn("PASSED", "INCONCLUSIVE");

            Api.Reply created = api.send("POST", "/api/schedules", "application/json", Api.JSON.writeValueAsString(
                    Map.of("plan", plan, "cron", "0 0 3 * * ?", "time_zone", "America/New_York")), TOKEN);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asText();
        }
        first.destroy();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = launch(env, tmp.resolve("second.log"), args);
        awaitReady(api, second, tmp.resolve("second.log"));
        Api.Reply listed = api.send("GET", "/api/schedules/" + id, null, null, TOKEN);
        assertThat(listed.status()).as(Files.readString(tmp.resolve("second.log"))).isEqualTo(200);
        assertThat(listed.json().get("time_zone").asText()).isEqualTo("America/New_York");
        assertThat(listed.json().get("next_run_at").asText()).isNotEmpty();
        assertThat(Files.readString(tmp.resolve("second.log"))).contains("1 schedules loaded");
    }

    private static void awaitReady(Api api, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (api.send("GET", "/q/health/ready", null, null, null).status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not get ready: " + Files.readString(log));
    }
}
