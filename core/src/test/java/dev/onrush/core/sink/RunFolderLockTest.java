package dev.onrush.core.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The run folder's lock and its checks, on real folders (and Linux's /proc and /dev/null where present). */
class RunFolderLockTest {

    @TempDir
    Path tmp;

    @Test
    void aHeldFolderIsRefusedNamingItUntilItIsReleased() {
        Path dir = tmp.resolve("run");
        try (RunFolderLock first = RunFolderLock.acquire(dir)) {
            assertThat(dir.resolve(RunFolderLock.FILE)).exists();
            assertThatThrownBy(() -> RunFolderLock.acquire(dir)).isInstanceOf(RunFolderException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("another run");
            // the same folder spelled differently is the same folder
            assertThatThrownBy(() -> RunFolderLock.acquire(tmp.resolve("x/../run")))
                    .isInstanceOf(RunFolderException.class);
        }
        RunFolderLock.acquire(dir).close();
    }

    @Test
    void takingTheFolderWritesRunningWithThisProcess() throws Exception {
        Path dir = tmp.resolve("run");
        try (RunFolderLock ignored = RunFolderLock.acquire(dir)) {
            RunStatus status = RunStatus.read(dir).orElseThrow();
            assertThat(status.state()).isEqualTo(RunStatus.State.RUNNING);
            assertThat(status.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(status.runningNow()).isTrue();
            assertThat(status.describe()).startsWith("running (pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aRunningStatusWhoseProcessIsGoneReadsAsKilled() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant processStart = gone.info().startInstant().orElse(null);
        new RunStatus(RunStatus.State.RUNNING, gone.pid(), processStart, Instant.now(), null, null, null).write(tmp);
        RunStatus read = RunStatus.read(tmp).orElseThrow();
        assertThat(read.runningNow()).isFalse();
        assertThat(read.describe()).startsWith("incomplete (killed: pid " + gone.pid());
        // this process is alive, but it did not start that long ago: a reused pid is not the run's
        RunStatus reused = new RunStatus(RunStatus.State.RUNNING, ProcessHandle.current().pid(),
                Instant.parse("2001-01-01T00:00:00Z"), Instant.now(), null, null, null);
        assertThat(reused.runningNow()).isFalse();
    }

    @Test
    void anEarlierRunsFilesAreDeletedSoAFailedRunCannotShowThemAsItsOwn() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        for (String f : new String[] {"result.json", "report.html", "intervals.jsonl", "latency.hlog", "plan.yaml",
                "result.json.tmp"}) {
            Files.writeString(dir.resolve(f), "earlier");
        }
        Files.writeString(dir.resolve("notes.txt"), "mine");
        RunFolderLock.acquire(dir).close();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("notes.txt", RunFolderLock.FILE, RunStatus.FILE);
        }
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> RunFolderLock.acquire(file)).isInstanceOf(RunFolderException.class)
                .hasMessage("cannot use " + file + " as the run folder: it is not a folder");
        assertThatThrownBy(() -> RunFolderLock.acquire(file.resolve("below")))
                .isInstanceOf(RunFolderException.class).hasMessageContaining(file.resolve("below").toString());
    }

    @Test
    void devNullProcAndBelowProcAreRefused() {
        assumeTrue(Files.isDirectory(Path.of("/proc/1")), "Linux /proc");
        assertThatThrownBy(() -> RunFolderLock.acquire(Path.of("/dev/null"))).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("/dev/null").hasMessageContaining("not a folder");
        // root may write almost anywhere, but not files into /proc, and /proc has no space
        assertThatThrownBy(() -> RunFolderLock.acquire(Path.of("/proc"))).isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("cannot use /proc as the run folder: ");
        assertThatThrownBy(() -> RunFolderLock.acquire(Path.of("/proc/1/x"))).isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("cannot use /proc/1/x as the run folder: it cannot be created");
    }
}
