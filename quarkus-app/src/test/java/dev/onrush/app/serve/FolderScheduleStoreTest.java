package dev.onrush.app.serve;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class FolderScheduleStoreTest extends ScheduleStoreContract {

    @TempDir
    Path tmp;

    @Override
    ScheduleStore store() {
        return new FolderScheduleStore(tmp.resolve("schedules"));
    }
}
