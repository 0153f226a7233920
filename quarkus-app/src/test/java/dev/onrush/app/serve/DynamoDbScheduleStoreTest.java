package dev.onrush.app.serve;

import dev.onrush.testkit.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The DynamoDB schedule store against dynalite (testkit's {@link Dynalite}). */
class DynamoDbScheduleStoreTest extends ScheduleStoreContract {

    private static Dynalite dynalite;
    private static int tables;

    private String table;
    private final List<DynamoDbScheduleStore> opened = new ArrayList<>();

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start(Path.of("..", "sinks-dynamodb"), "dynalite-schedules.log");
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
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
        DynamoDbScheduleStore s = DynamoDbScheduleStore.create(dynalite.endpoint().toString(), "us-east-1", table);
        opened.add(s);
        return s;
    }
}
