package dev.onrush.app.serve;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image of the runner needs registered for reflection (JVM mode needs none of it):
 * <ul>
 *   <li>the SPI's records and enums, which Jackson reads and writes ({@code result.json}, {@code intervals.jsonl},
 *       the API), and {@code ResultJson}'s mix-ins;</li>
 *   <li>the plan model's records and enums;</li>
 *   <li>every sink and probe provider named in a {@code META-INF/services/dev.onrush.spi.*} file, which
 *       {@link java.util.ServiceLoader} instantiates (with {@code quarkus.native.auto-service-loader-registration});
 *   </li>
 *   <li>the service's own JSON types.</li>
 * </ul>
 * Resources (report templates, uPlot, the example plans, the service files) are listed in
 * {@code quarkus.native.resources.includes}. {@code NativeRegistrationsTest} checks both lists against the
 * classpath, so a new record, provider or resource that is not registered fails the JVM build.
 */
@RegisterForReflection(targets = {
    // SPI data (Jackson)
    dev.onrush.spi.RunResult.class, dev.onrush.spi.RunResult.EngineInfo.class, dev.onrush.spi.IntervalSnapshot.class,
    dev.onrush.spi.RequestStats.class, dev.onrush.spi.LatencyStats.class, dev.onrush.spi.Totals.class,
    dev.onrush.spi.GeneratorStats.class, dev.onrush.spi.PhaseResult.class, dev.onrush.spi.CriterionResult.class,
    dev.onrush.spi.ProbeSample.class, dev.onrush.spi.RunInfo.class, dev.onrush.spi.RunInfo.PhaseInfo.class,
    dev.onrush.spi.ConfigKey.class, dev.onrush.spi.ConfigKey.Type.class, dev.onrush.spi.ConfigKey.Kind.class,
    dev.onrush.spi.ErrorKind.class, dev.onrush.spi.Verdict.class,
    // plan model
    dev.onrush.core.model.LoadTest.class, dev.onrush.core.model.Target.class, dev.onrush.core.model.Scenario.class,
    dev.onrush.core.model.Step.Request.class, dev.onrush.core.model.Step.Think.class,
    dev.onrush.core.model.Phase.class, dev.onrush.core.model.PhaseRole.class,
    dev.onrush.core.model.LoadShape.Users.class, dev.onrush.core.model.LoadShape.Rate.class,
    dev.onrush.core.model.LoadSettings.class,
    dev.onrush.core.model.GeneratorLimits.class, dev.onrush.core.model.Criterion.class,
    dev.onrush.core.model.Criterion.Metric.class, dev.onrush.core.model.Criterion.Operator.class,
    dev.onrush.core.model.PluginSpec.class, dev.onrush.core.model.TestType.class,
    dev.onrush.core.model.HttpVersion.class, dev.onrush.core.model.StressSettings.class,
    dev.onrush.core.model.StressSettings.Mode.class, dev.onrush.core.model.SearchLayout.class,
    dev.onrush.core.model.PayloadSize.Fixed.class,
    dev.onrush.core.model.PayloadSize.Uniform.class, dev.onrush.core.model.PayloadSize.LogNormal.class,
    dev.onrush.core.model.PayloadSize.Choice.class, dev.onrush.core.model.TextTemplate.class,
    dev.onrush.core.model.TextTemplate.Literal.class, dev.onrush.core.model.TextTemplate.Variable.class,
    dev.onrush.core.model.TextTemplate.Kind.class,
    // ServiceLoader plugins
    dev.onrush.core.sink.ConsoleSinkProvider.class, dev.onrush.core.sink.JsonSinkProvider.class,
    dev.onrush.core.sink.HdrLogSinkProvider.class, dev.onrush.core.probe.ProcessProbeProvider.class,
    dev.onrush.demo.DemoCapacityProbeProvider.class,
    dev.onrush.sink.cloudwatch.CloudWatchSinkProvider.class, dev.onrush.sink.dynamodb.DynamoDbSinkProvider.class,
    dev.onrush.sink.s3.S3SinkProvider.class, dev.onrush.probe.autoscaling.AutoScalingProbeProvider.class,
    dev.onrush.probe.cloudwatch.CloudWatchProbeProvider.class,
    // the service's JSON
    Schedule.class, SchedulesResource.NewSchedule.class
}, classNames = {
    "dev.onrush.core.sink.ResultJson$RunResultMixin", "dev.onrush.core.sink.ResultJson$IntervalMixin"
})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
