package dev.onrush.app.serve;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.plan.PlanWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs plans on cron schedules. Schedules are kept in a {@link ScheduleStore} and registered with Quarkus's
 * scheduler when the service starts. When a schedule is due while its previous run is still going, that firing is
 * skipped and logged (never stacked). Each firing goes through {@link RunService#submit}, so the allow-list and the
 * limits are checked again then. Thread-safe.
 */
@ApplicationScoped
public class ScheduleService {

    /** What the service knows of a schedule beyond what is stored. */
    private static final class State {
        final Schedule schedule;
        volatile String lastRunId;
        volatile Instant lastFiredAt;
        volatile String lastProblem;
        volatile long started;
        volatile long skipped;

        State(Schedule schedule) {
            this.schedule = schedule;
        }
    }

    private final Scheduler scheduler;
    private final RunService runs;
    private final ServeConfig config;
    private final MeterRegistry metrics;
    private final Map<String, State> schedules = new ConcurrentHashMap<>();
    private volatile ScheduleStore store;

    @Inject
    public ScheduleService(Scheduler scheduler, RunService runs, ServeConfig config, MeterRegistry metrics) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    /** Opens the store and registers every stored schedule; idempotent. */
    synchronized void start() {
        if (store != null) {
            return;
        }
        ScheduleStore s = openStore();
        for (Schedule schedule : s.loadAll()) {
            try {
                register(schedule);
            } catch (ApiException e) {
                Log.warnf("schedule %s (%s) is not registered: %s", schedule.id(), schedule.name(), e.getMessage());
            }
        }
        store = s;
        Log.infof("%d schedules loaded from %s", schedules.size(), s.describe());
    }

    /** Whether the stored schedules are registered. */
    boolean ready() {
        return store != null;
    }

    private ScheduleStore openStore() {
        String kind = config.scheduleStore();
        if (kind.equals("dynamodb")) {
            var c = ConfigProvider.getConfig();
            return DynamoDbScheduleStore.create(c.getOptionalValue("onrush.sink.dynamodb.endpoint", String.class)
                    .orElse(null), c.getOptionalValue("onrush.sink.dynamodb.region", String.class).orElse(null),
                    config.schedulesTable());
        }
        if (!kind.equals("folder")) {
            throw new IllegalStateException("onrush.serve.schedule-store: \"" + kind + "\" is not folder or dynamodb");
        }
        return new FolderScheduleStore(Path.of(config.resultsDir()).toAbsolutePath().resolve("schedules"));
    }

    /**
     * Checks, stores and registers a new schedule.
     *
     * @throws ApiException 400 for a bad cron expression or time zone, or as {@link RunService#accept}
     */
    Schedule create(String planText, String cron, String timeZone) {
        ScheduleStore s = requireStore();
        if (cron == null || cron.isBlank()) {
            throw new ApiException(400, "invalid_schedule", "cron: missing (a Quartz expression with seconds, "
                    + "e.g. \"0 0 3 * * ?\")");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ApiException(400, "invalid_schedule", "time_zone: \"" + zone + "\" is not a time zone ("
                    + e.getMessage() + ")");
        }
        LoadTest test = runs.accept(planText, "plan");
        Schedule schedule = new Schedule("s-" + UUID.randomUUID().toString().substring(0, 8), test.name(),
                cron.trim(), zone, planText, Instant.now());
        register(schedule);
        try {
            s.save(schedule);
        } catch (RuntimeException e) {
            unregister(schedule.id());
            throw new ApiException(503, "store_unavailable", "cannot store the schedule in " + s.describe() + ": "
                    + e.getMessage());
        }
        Log.infof("schedule %s created: %s at \"%s\" (%s)", schedule.id(), schedule.name(), schedule.cron(), zone);
        return schedule;
    }

    private void register(Schedule schedule) {
        try {
            scheduler.newJob(schedule.id()).setCron(schedule.cron()).setTimeZone(schedule.timeZone())
                    .setTask(execution -> fire(schedule.id())).schedule();
        } catch (RuntimeException e) {
            throw new ApiException(400, "invalid_schedule", "cron: \"" + schedule.cron()
                    + "\" is not a Quartz cron expression with seconds (" + e.getMessage() + ")");
        }
        schedules.put(schedule.id(), new State(schedule));
    }

    private void unregister(String id) {
        scheduler.unscheduleJob(id);
        schedules.remove(id);
    }

    /** Deletes a schedule; its runs are kept. @return whether there was one */
    boolean delete(String id) {
        ScheduleStore s = requireStore();
        if (!schedules.containsKey(id)) {
            return false;
        }
        s.delete(id);
        unregister(id);
        Log.infof("schedule %s deleted", id);
        return true;
    }

    void fire(String id) {
        State state = schedules.get(id);
        if (state == null) {
            return;
        }
        String previous = state.lastRunId;
        if (previous != null && runs.live(previous).map(r -> !r.isDone()).orElse(false)) {
            state.skipped++;
            metrics.counter("onrush.schedules.skipped").increment();
            Log.warnf("schedule %s (%s): skipped the run due at %s, run %s is still going", id, state.schedule.name(),
                    Instant.now(), previous);
            return;
        }
        state.lastFiredAt = Instant.now();
        try {
            ServedRun run = runs.submit(state.schedule.plan(), "schedule " + id, "schedule:" + id);
            state.lastRunId = run.id();
            state.lastProblem = null;
            state.started++;
        } catch (ApiException | dev.onrush.core.plan.PlanException e) {
            state.lastProblem = e.getMessage();
            Log.warnf("schedule %s (%s): the run was refused: %s", id, state.schedule.name(), e.getMessage());
        }
    }

    /** Every schedule, oldest first. */
    List<Map<String, Object>> list() {
        List<State> all = new ArrayList<>(schedules.values());
        all.sort((a, b) -> a.schedule.createdAt().compareTo(b.schedule.createdAt()));
        return all.stream().map(s -> describe(s, false)).toList();
    }

    Optional<Map<String, Object>> get(String id) {
        return Optional.ofNullable(schedules.get(id)).map(s -> describe(s, true));
    }

    private Map<String, Object> describe(State s, boolean withPlan) {
        Schedule sc = s.schedule;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", sc.id());
        m.put("name", sc.name());
        m.put("cron", sc.cron());
        m.put("time_zone", sc.timeZone());
        m.put("created_at", sc.createdAt().toString());
        Trigger trigger = scheduler.getScheduledJob(sc.id());
        if (trigger != null && trigger.getNextFireTime() != null) {
            m.put("next_run_at", trigger.getNextFireTime().toString());
        }
        m.put("last_fired_at", s.lastFiredAt == null ? null : s.lastFiredAt.toString());
        m.put("last_run_id", s.lastRunId);
        m.put("runs_started", s.started);
        m.put("runs_skipped", s.skipped);
        m.put("last_problem", s.lastProblem);
        if (withPlan) {
            try {
                LoadTest test = runs.accept(sc.plan(), "schedule " + sc.id());
                m.put("plan", new PlanWriter().toYaml(runs.secretHeaders().redact(test)));
            } catch (RuntimeException e) {
                m.put("plan", null);
                m.put("plan_problem", e.getMessage());
            }
        }
        m.put("links", Map.of("self", "/api/schedules/" + sc.id()));
        return m;
    }

    private ScheduleStore requireStore() {
        ScheduleStore s = store;
        if (s == null) {
            throw new ApiException(503, "not_ready", "the schedules are not loaded (the service is starting)");
        }
        return s;
    }

    @PreDestroy
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }
}
