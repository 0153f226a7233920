package dev.onrush.app.serve;

import java.time.Instant;
import java.util.Objects;

/**
 * A plan run regularly: what a {@link ScheduleStore} keeps. The plan is kept as submitted, secret header values
 * included (they are needed for every run), and shown redacted by the API.
 *
 * @param id        unique, e.g. {@code s-7f3a9c2e}
 * @param name      the plan's name
 * @param cron      a Quartz cron expression with seconds ({@code 0 0 3 * * ?}: 03:00 every day)
 * @param timeZone  the zone {@code cron} is read in, e.g. {@code Europe/Berlin}
 * @param plan      the plan text (YAML or JSON)
 * @param createdAt when it was created
 */
public record Schedule(String id, String name, String cron, String timeZone, String plan, Instant createdAt) {
    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
