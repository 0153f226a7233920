/**
 * {@code onrush serve}: the runner as a REST service, a thin layer over {@code dev.onrush.core} with no load-test
 * logic of its own. What lives where:
 * <ul>
 *   <li>{@link dev.onrush.app.serve.ServeCommand}: the command; {@code httpSettings} turns Quarkus's HTTP server on
 *       for it alone (called from {@link dev.onrush.app.OnrushMain#main} before Quarkus starts).</li>
 *   <li>{@link dev.onrush.app.serve.TestsResource} ({@code /api/tests}) and
 *       {@link dev.onrush.app.serve.SchedulesResource} ({@code /api/schedules}): HTTP only; they call the two
 *       services below.</li>
 *   <li>{@link dev.onrush.app.serve.RunService}: checks and starts plans through
 *       {@link dev.onrush.app.PlanRunner#start} (the CLI's path), tracks runs ({@link dev.onrush.app.serve.ServedRun}:
 *       live totals, SSE subscribers).</li>
 *   <li>{@link dev.onrush.app.serve.ScheduleService}: cron schedules on Quarkus's scheduler, kept in a
 *       {@link dev.onrush.app.serve.ScheduleStore} (a folder, or DynamoDB).</li>
 *   <li>Security: {@link dev.onrush.app.serve.ApiTokenFilter} (bearer token, constant-time),
 *       {@link dev.onrush.app.serve.LocalOnlyFilter} (without a token: no cross-site or rebound requests),
 *       {@link dev.onrush.app.serve.PlanPolicy} and {@link dev.onrush.app.serve.TargetAllowList} (targets, size,
 *       rate, users, duration); secret header values are redacted by core's
 *       {@link dev.onrush.core.model.SecretHeaders}.</li>
 *   <li>{@link dev.onrush.app.serve.NativeRegistrations}: what a native image needs registered.</li>
 * </ul>
 * Threading: resources run on Quarkus's worker threads (they block on files); run callbacks come from each run's
 * collector and run threads and only touch {@link dev.onrush.app.serve.ServedRun}'s synchronized state. Refusals
 * are {@link dev.onrush.app.serve.ApiException}s, mapped to JSON by {@link dev.onrush.app.serve.ApiErrors}.
 */
package dev.onrush.app.serve;
