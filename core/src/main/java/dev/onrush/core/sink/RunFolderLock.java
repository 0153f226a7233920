package dev.onrush.core.sink;

import dev.onrush.core.Onrush;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one run that may write a run folder: {@link #acquire} takes an exclusive lock on {@code <dir>/.onrush.lock}
 * ({@link FileChannel#tryLock}, so a run of another process is refused too) and holds it until {@link #close}.
 * Before it returns it has checked what a run needs of the folder, so that nothing is found missing after the load
 * was sent: that it is (or can be made) a folder, that a file can be written in it, and that its file store has
 * at least {@link #MIN_FREE_BYTES} free. It then deletes the files an earlier run left there that this run writes
 * too ({@code result.json}, {@code report.html}, {@code intervals.jsonl}, {@code latency.hlog}, {@code plan.yaml}),
 * so a run that fails to write them never shows the earlier one's as its own, and writes {@link RunStatus}
 * {@code running}.
 *
 * <p>The lock file stays in the folder after the run (empty; deleting it would race with the next run taking it).
 * The operating system releases the lock when the process ends, however it ends.
 *
 * <p>Thread-safe. Within one process the folders held are also kept in a process-wide set: operating-system locks
 * belong to the process, and closing a second channel on a lock file may release the first one's lock, so a
 * second run of the same process is refused before it opens the file.
 */
public final class RunFolderLock implements AutoCloseable {

    /** Name of the lock file in a run folder. */
    public static final String FILE = ".onrush.lock";
    /** Free space a run folder's file store must have when the run starts. */
    public static final long MIN_FREE_BYTES = 8L * 1024 * 1024;

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final List<String> RUN_FILES = List.of(RunFilesSink.RESULT_FILE, HtmlReportSink.REPORT_FILE,
            RunFilesSink.INTERVALS_FILE, RunFilesSink.HLOG_FILE, Onrush.PLAN_FILE);

    private final Path dir;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private RunFolderLock(Path dir, Path key, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} when missing, checks it and takes it for one run.
     *
     * @throws RunFolderException naming {@code dir} when it cannot be created or written, is not a folder, has less
     *                            than {@link #MIN_FREE_BYTES} free, or another run holds it
     */
    public static RunFolderLock acquire(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException(dir, "it is not a folder", null);
        }
        Path key;
        try {
            Files.createDirectories(dir);
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new RunFolderException(dir, "it cannot be created (" + reason(e) + ")", e);
        }
        if (!HELD.add(key)) {
            throw new RunFolderException(dir, "another run of this process is writing into it", null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new RunFolderException(dir, "another run is writing into it" + holder(dir), null);
            }
            checkSpace(dir);
            for (String name : RUN_FILES) {
                Files.deleteIfExists(dir.resolve(name));
                Files.deleteIfExists(dir.resolve(name + ".tmp"));
            }
            RunStatus.running(Instant.now()).write(dir);
            return new RunFolderLock(dir, key, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(key);
            if (e instanceof RunFolderException r) {
                throw r;
            }
            throw new RunFolderException(dir, "cannot write into it (" + reason(e) + ")", e);
        }
    }

    /** The folder held. */
    public Path dir() {
        return dir;
    }

    /** Releases the folder; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
        HELD.remove(key);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void checkSpace(Path dir) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < MIN_FREE_BYTES) {
            throw new RunFolderException(dir, String.format(Locale.ROOT, "only %d bytes are free there, a run "
                    + "needs at least %d MiB", free, MIN_FREE_BYTES >> 20), null);
        }
    }

    /** Who holds the folder, as its status says, for the message. */
    private static String holder(Path dir) {
        try {
            return RunStatus.read(dir).map(s -> " (" + s.describe() + ")").orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException a) {
            return "access denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
