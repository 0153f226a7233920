package dev.onrush.core.sink;

import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the run folder says when its files cannot be written: the status is never {@code complete}, the failure
 * names the file, no cut temporary file stays, and the console names no file that is not there. Write failures
 * are made real by a folder standing where a file must go (the tests may run as root, so permissions would not do).
 */
class RunFilesSinkTest {

    @TempDir
    Path dir;

    private static RunResult result() {
        return ReportRun.get().result();
    }

    @Test
    void aWrittenRunSaysCompleteWithItsVerdict() throws Exception {
        RunFolderLock.acquire(dir).close();
        new RunFilesSink(dir).onComplete(result()).toCompletableFuture().join();
        RunStatus status = RunStatus.read(dir).orElseThrow();
        assertThat(status.state()).isEqualTo(RunStatus.State.COMPLETE);
        assertThat(status.verdict()).isEqualTo(result().verdict().name());
        assertThat(status.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(dir.resolve(RunFilesSink.RESULT_FILE)).isRegularFile();
    }

    @Test
    void aResultThatCannotBeWrittenFailsNamingItAndTheStatusSaysIncomplete() throws Exception {
        RunFolderLock.acquire(dir).close();
        Files.createDirectories(dir.resolve("result.json.tmp/in-the-way"));
        assertThatThrownBy(() -> new RunFilesSink(dir).onComplete(result()).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasMessageContaining(dir.resolve("result.json") + " was "
                        + "not written");
        RunStatus status = RunStatus.read(dir).orElseThrow();
        assertThat(status.state()).isEqualTo(RunStatus.State.INCOMPLETE);
        assertThat(status.describe()).contains("result.json was not written");
        assertThat(RunFolder.unfinished(dir)).contains("result.json was not written");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("result.json");
        Files.createDirectories(file.resolve("in-the-way"));
        assertThatThrownBy(() -> ResultJson.write(result(), file)).isInstanceOf(java.io.IOException.class);
        assertThat(dir.resolve("result.json.tmp")).doesNotExist();
    }

    @Test
    void theConsoleNamesNoReportThatWasNotWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                dir.resolve(HtmlReportSink.REPORT_FILE));
        RunResult r = result();
        sink.onStart(new RunInfo(r.testId(), r.name(), r.type(), r.targetUrl(), Instant.now(), java.time.Duration
                .ofSeconds(1), List.of(), List.of(), dir, Map.of()));
        sink.onComplete(r);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("results: " + dir.toAbsolutePath().normalize() + " (result.json was NOT written",
                "report:  not written").doesNotContain(dir.resolve(HtmlReportSink.REPORT_FILE).toString());
    }
}
