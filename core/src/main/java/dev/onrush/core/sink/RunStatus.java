package dev.onrush.core.sink;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run folder says about its run, in {@code run-status.json}: written {@code running} (with the process id
 * and its start) before any load is sent ({@link RunFolderLock#acquire}), replaced {@code complete} (with the
 * verdict) once {@code result.json} and the interval files are written, or {@code incomplete} (with the reason)
 * when they could not be. A folder that still says {@code running} while its process is gone belongs to a run that
 * was killed ({@code SIGKILL}, a crash, a power cut): {@link #describe()} says so, and readers ({@code trend},
 * {@code report}, {@code compare}) tell the user rather than leave the folder out silently.
 *
 * <p>A value; {@link #write} replaces the file atomically, so a reader sees the old or the new status, never half.
 *
 * @param state            the run's state as last written
 * @param pid              the process that ran it
 * @param processStartedAt when that process started, to tell it from a later process given the same id; may be
 *                         {@code null} when the platform does not say
 * @param startedAt        when the run folder was taken
 * @param endedAt          when the run ended ({@code null} while running)
 * @param verdict          the verdict of a complete run, else {@code null}
 * @param detail           the verdict's reason, or why the files are incomplete; may be {@code null}
 */
public record RunStatus(State state, long pid, Instant processStartedAt, Instant startedAt, Instant endedAt,
                        String verdict, String detail) {

    /** Name of the status file in a run folder. */
    public static final String FILE = "run-status.json";

    /** A run's state as its folder records it. */
    public enum State {
        /** Written at the start; still there after the end means the run was killed. */
        @JsonProperty("running") RUNNING,
        /** Every file of the run is written. */
        @JsonProperty("complete") COMPLETE,
        /** The run ended but some of its files could not be written ({@link #detail} says which and why). */
        @JsonProperty("incomplete") INCOMPLETE
    }

    public RunStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The status of a run of this process starting now. */
    public static RunStatus running(Instant startedAt) {
        ProcessHandle self = ProcessHandle.current();
        return new RunStatus(State.RUNNING, self.pid(), self.info().startInstant().orElse(null), startedAt, null,
                null, null);
    }

    /** This status, the run complete with {@code verdict} at {@code endedAt}. */
    public RunStatus complete(String verdict, String reason, Instant endedAt) {
        return new RunStatus(State.COMPLETE, pid, processStartedAt, startedAt, endedAt, verdict, reason);
    }

    /** This status, the run ended at {@code endedAt} without all of its files, {@code why} says which. */
    public RunStatus incomplete(String why, Instant endedAt) {
        return new RunStatus(State.INCOMPLETE, pid, processStartedAt, startedAt, endedAt, null, why);
    }

    /** Whether the status says {@code running} and the process that wrote it is still alive on this machine. */
    public boolean runningNow() {
        if (state != State.RUNNING) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Instant started = p.get().info().startInstant().orElse(null);
        // the same pid given to a later process is not the run's
        return processStartedAt == null || started == null
                || started.truncatedTo(ChronoUnit.SECONDS).equals(processStartedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * In words: {@code complete (PASSED)}, {@code running (pid 123, since …)}, {@code incomplete (killed: …)} or
     * {@code incomplete (…why…)}.
     */
    public String describe() {
        return switch (state) {
            case COMPLETE -> "complete (" + verdict + ")";
            case INCOMPLETE -> "incomplete (" + detail + ")";
            case RUNNING -> runningNow() ? "running (pid " + pid + ", since " + startedAt + ")"
                    : "incomplete (killed: pid " + pid + " started it at " + startedAt + " and is gone; "
                    + "the run never finished its files)";
        };
    }

    /** Writes this status as {@code dir/run-status.json}, replacing the file atomically. */
    public void write(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * The status in {@code dir}, or empty when it has none (not a run folder, or one written before Onrush kept
     * a status).
     *
     * @throws IOException naming the file when it is there but cannot be read
     */
    public static Optional<RunStatus> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultJson.mapper().readValue(Files.readString(file), RunStatus.class));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }
}
