package dev.onrush.app.serve;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's answers at its edges are JSON errors with the right status, as the CLI's are exit codes. */
@QuarkusTest
class ServeEdgeCasesTest {

    @TestHTTPResource("/")
    URI base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void aPlanThatIsNotUtf8IsRefusedAsTheCliRefusesIt() {
        byte[] latin1 = "name: caf\u00e9\ntarget: {url: http://127.0.0.1:1}\n".getBytes(StandardCharsets.ISO_8859_1);
        Api.Reply r = api.postBytes("/api/tests", "application/yaml", latin1);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("not UTF-8");
    }

    @Test
    void theLiveStreamOfAnUnknownTestIs404() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/tests/20990101-000000-nope-0000/live"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Api.TOKEN)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\"");
    }

    @Test
    void theSchedulesFolderIsNotATest() throws Exception {
        Path schedules = Path.of("target/serve-results/schedules");
        Files.createDirectories(schedules);
        assertThat(api.get("/api/tests/schedules").status()).isEqualTo(404);
        assertThat(api.get("/api/tests").body()).doesNotContain("\"schedules\"");
    }

    @Test
    void aBodyOverTheServersLimitGetsTheJsonError() throws Exception {
        // as curl sends it: the headers first; the server answers before reading 20 MB it would refuse
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/tests HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + Api.TOKEN + "\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: " + (20 * 1024 * 1024) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("# ".repeat(1000).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            long length = -1;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            assertThat(length).as("a JSON body").isPositive();
            char[] body = new char[(int) length];
            int n = 0;
            while (n < length) {
                int r = in.read(body, n, body.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            assertThat(new String(body, 0, n)).contains("\"max_plan_bytes\"", "onrush.serve.max-plan-bytes");
        }
    }
}
