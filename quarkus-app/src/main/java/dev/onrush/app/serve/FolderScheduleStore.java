package dev.onrush.app.serve;

import dev.onrush.core.sink.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Schedules as {@code <folder>/<id>.json} files (default folder: {@code <results-dir>/schedules}). A file holds the
 * plan with its secrets, so it is written owner-only ({@code rw-------}) where the file system has POSIX
 * permissions, and atomically (a temporary file moved into place). Thread-safe for distinct ids.
 */
public final class FolderScheduleStore implements ScheduleStore {

    private static final String SUFFIX = ".json";

    private final Path folder;

    public FolderScheduleStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Schedule> loadAll() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Schedule> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    out.add(ResultJson.mapper().readValue(Files.readString(f), Schedule.class));
                } catch (IOException | RuntimeException e) {
                    throw new UncheckedIOException(new IOException(f + ": cannot read the schedule (" + e.getMessage()
                            + ")", e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the schedules: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void save(Schedule schedule) {
        Path file = folder.resolve(schedule.id() + SUFFIX);
        Path tmp = folder.resolve(schedule.id() + SUFFIX + ".tmp");
        try {
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schedule));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot store the schedule: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String id) {
        Path file = folder.resolve(id + SUFFIX);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot delete the schedule: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return folder.toString();
    }
}
