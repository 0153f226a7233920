package dev.onrush.app.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The DynamoDB schedule store against dynalite (started as the sinks-dynamodb tests start it). */
class DynamoDbScheduleStoreTest extends ScheduleStoreContract {

    private static final Path DYNALITE = Path.of("..", "sinks-dynamodb", "node_modules", "dynalite", "cli.js");
    private static Process dynalite;
    private static int port;
    private static int tables;

    private String table;
    private final List<DynamoDbScheduleStore> opened = new ArrayList<>();

    @BeforeAll
    static void startDynalite() throws Exception {
        if (!Files.isRegularFile(DYNALITE)) {
            throw new IllegalStateException("dynalite is not installed: run `npm install --no-save dynalite@4.0.0` "
                    + "in sinks-dynamodb (./mvnw verify does)");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("dynalite-schedules.log");
        dynalite = new ProcessBuilder("node", DYNALITE.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--createTableMs", "50").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!dynalite.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("dynalite did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopDynalite() throws InterruptedException {
        dynalite.destroy();
        if (!dynalite.waitFor(5, TimeUnit.SECONDS)) {
            dynalite.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void freshTable() {
        table = "schedules-" + ++tables; // created by the first store on it
    }

    @AfterEach
    void close() {
        opened.forEach(DynamoDbScheduleStore::close);
    }

    @Override
    ScheduleStore store() {
        DynamoDbScheduleStore s = DynamoDbScheduleStore.create("http://127.0.0.1:" + port, "us-east-1", table);
        opened.add(s);
        return s;
    }
}
