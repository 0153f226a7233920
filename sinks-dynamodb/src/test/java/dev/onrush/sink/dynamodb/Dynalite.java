package dev.onrush.sink.dynamodb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A dynalite server (npm {@code dynalite}, DynamoDB's API on an in-memory LevelDB) in a child {@code node} process
 * on 127.0.0.1 and a free port. Needs {@code npm install --no-save dynalite@4.0.0} in this module's folder (CI's
 * {@code .ci/run} does it). Its output goes to {@code target/dynalite.log}.
 */
final class Dynalite implements AutoCloseable {

    private static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Dynalite start() {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException("dynalite is not installed in " + Path.of("").toAbsolutePath()
                    + ": run `npm install --no-save dynalite@4.0.0` there (CI's .ci/run does)");
        }
        int port = freePort();
        Path log = Path.of("target", "dynalite.log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("node", CLI.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--createTableMs", "50", "--deleteTableMs", "50")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Dynalite server = new Dynalite(process, port);
            server.awaitListening(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start dynalite with node: " + e.getMessage(), e);
        }
    }

    /** The URL to point the SDK at. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A port nothing listens on (it was free a moment ago). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
