package dev.onrush.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A dynalite server (npm {@code dynalite}, DynamoDB's API on an in-memory LevelDB; not Amazon's DynamoDB Local) in a
 * child {@code node} process on 127.0.0.1 and a free port, for tests of code that speaks DynamoDB. Needs
 * {@code npm install --no-save dynalite@4.0.0} in the folder it is started from ({@code ./mvnw verify} does it in
 * {@code sinks-dynamodb/}). Its output goes to {@code target/<log name>}.
 */
public final class Dynalite implements AutoCloseable {

    private static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts dynalite installed below {@code installDir} and waits until it listens.
     *
     * @param logName the file in {@code target/} its output goes to
     */
    public static Dynalite start(Path installDir, String logName) {
        Path cli = installDir.resolve(CLI);
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed in " + installDir.toAbsolutePath()
                    + ": run `npm install --no-save dynalite@4.0.0` there (./mvnw verify does it in sinks-dynamodb)");
        }
        int port = freePort();
        Path log = Path.of("target", logName);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
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
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A port nothing listens on (it was free a moment ago). */
    public static int freePort() {
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
