package dev.onrush.core.sink;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A plan entry that names files of the run folder. Every run writes its folder whether or not a plan names them
 * ({@link RunFilesSink} is never skipped, so a failing plugin cannot lose the local result); the entry is
 * accepted so that plans can say so, and adds nothing. It takes no settings. Thread-safe.
 */
abstract class RunFolderEntryProvider implements ResultSinkProvider {

    private final String id;

    RunFolderEntryProvider(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<ConfigKey> configKeys() {
        return List.of();
    }

    /** A sink that does nothing: the files are written by the run folder's {@link RunFilesSink}. */
    @Override
    public final ResultSink create(PluginConfig config) {
        return new AlwaysWritten();
    }

    private static final class AlwaysWritten implements ResultSink {
        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
