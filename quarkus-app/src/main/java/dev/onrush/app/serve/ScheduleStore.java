package dev.onrush.app.serve;

import java.util.List;

/**
 * Where schedules survive restarts: {@link FolderScheduleStore} (default, in the results folder) or
 * {@link DynamoDbScheduleStore} ({@code onrush.serve.schedule-store=dynamodb}). Blocking; called from request and
 * startup threads, one call at a time per schedule. Failures are {@link java.io.UncheckedIOException}s or the
 * client's runtime exceptions, with a message naming the file or table.
 */
public interface ScheduleStore {

    /** Every stored schedule. */
    List<Schedule> loadAll();

    /** Stores {@code schedule}, replacing one with its id. */
    void save(Schedule schedule);

    /** Forgets the schedule; nothing happens when there is none. */
    void delete(String id);

    /** Where the schedules are, for messages: a folder or a table. */
    String describe();
}
