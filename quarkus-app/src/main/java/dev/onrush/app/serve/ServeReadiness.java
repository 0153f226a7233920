package dev.onrush.app.serve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready}: up once the stored schedules are registered. */
@Readiness
@ApplicationScoped
public class ServeReadiness implements HealthCheck {

    @Inject
    ScheduleService schedules;

    @Inject
    RunService runs;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("onrush-serve").status(schedules.ready())
                .withData("runs_in_process", runs.liveRuns().size())
                .withData("results", runs.resultsRoot().toString()).build();
    }
}
