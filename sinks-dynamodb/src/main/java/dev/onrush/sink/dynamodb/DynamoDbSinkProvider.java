package dev.onrush.sink.dynamodb;

import dev.onrush.aws.AwsClientRecipe;
import dev.onrush.aws.AwsFailures;
import dev.onrush.aws.AwsSettings;
import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code sinks: [{id: dynamodb, region: eu-west-1, create_tables: true}]}: each run's summary into a results table
 * and its per-second metrics into a metrics table (see {@link DynamoDbSink} for the keys). Credentials come from the
 * AWS SDK's default provider chain, never from the plan; {@code region}, {@code endpoint}, {@code timeout} and
 * {@code max_attempts} are the AWS plugins' shared keys ({@link AwsSettings}). No I/O here: tables are checked or
 * created in {@link DynamoDbSink#onStart}.
 */
public final class DynamoDbSinkProvider implements ResultSinkProvider {

    /** The id plans use. */
    public static final String ID = "dynamodb";

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    /** Attempts per call (and rounds of unprocessed items), the first included, when the plan does not say. */
    static final int DEFAULT_MAX_ATTEMPTS = 6;

    private static final List<ConfigKey> KEYS = keys();

    private static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(AwsSettings.keys("DynamoDB", "20s", DEFAULT_MAX_ATTEMPTS));
        keys.addAll(List.of(
                ConfigKey.optional("results_table", ConfigKey.Type.STRING, "load-test-results",
                        "table with one item per run, keyed test_name + started_at_test_id"),
                ConfigKey.optional("metrics_table", ConfigKey.Type.STRING, "load-test-metrics",
                        "table with one item per interval, keyed test_id + second"),
                ConfigKey.optional("create_tables", ConfigKey.Type.BOOLEAN, false,
                        "create missing tables (on-demand capacity) at the start of the run and wait for them"),
                ConfigKey.optional("report_url_prefix", ConfigKey.Type.STRING, null,
                        "prefix of the run's uploaded folder, e.g. s3://bucket/onrush/; the item's report_url is "
                                + "this plus the test id and a slash")));
        return List.copyOf(keys);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    /**
     * Makes the sink. When no region is set and the SDK's region chain finds none, the sink is still made, and
     * fails each of its calls saying so: the run goes on and keeps its local result.
     */
    @Override
    public ResultSink create(PluginConfig config) {
        DynamoDbSinkConfig settings = settings(config);
        try {
            return new DynamoDbSink(client(settings), true, settings);
        } catch (SdkClientException e) {
            return new UnconfiguredDynamoDbSink("sink " + ID + ": " + AwsFailures.noRegion(e));
        }
    }

    /** A sink that could not be made: each call fails with the same message. */
    private record UnconfiguredDynamoDbSink(String message) implements ResultSink {
        @Override
        public CompletionStage<Void> onStart(RunInfo run) {
            return CompletableFuture.failedFuture(new SinkWriteException(message));
        }

        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            return CompletableFuture.failedFuture(new SinkWriteException(message));
        }
    }

    /** Reads and checks the settings, naming every bad key at once. */
    static DynamoDbSinkConfig settings(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        AwsSettings aws = AwsSettings.read(config, problems);
        String results = config.string("results_table");
        String metrics = config.string("metrics_table");
        checkTableName("results_table", results, problems);
        checkTableName("metrics_table", metrics, problems);
        if (results.equals(metrics)) {
            problems.add("results_table and metrics_table: must be two tables, both are \"" + results + "\"");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("sink " + ID + ": " + String.join("; ", problems));
        }
        return new DynamoDbSinkConfig(aws, results, metrics, config.bool("create_tables"),
                config.string("report_url_prefix"));
    }

    private static void checkTableName(String key, String name, List<String> problems) {
        if (!TABLE_NAME.matcher(name).matches()) {
            problems.add(key + ": \"" + name + "\" is not a DynamoDB table name (3-255 of a-z A-Z 0-9 _ - .)");
        }
    }

    /** A blocking client made by the AWS plugins' recipe: timeouts, the SDK's standard retries, the default chain. */
    static DynamoDbClient client(DynamoDbSinkConfig settings) {
        return AwsClientRecipe.configure(DynamoDbClient.builder(), settings.aws()).build();
    }
}
