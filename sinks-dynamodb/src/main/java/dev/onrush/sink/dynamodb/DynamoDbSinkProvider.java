package dev.onrush.sink.dynamodb;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code sinks: [{id: dynamodb, region: eu-west-1, create_tables: true}]}: each run's summary into a results table
 * and its per-second metrics into a metrics table (see {@link DynamoDbSink} for the keys). Credentials come from the
 * AWS SDK's default provider chain, never from the plan. No I/O here: tables are checked or created in
 * {@link DynamoDbSink#onStart}.
 */
public final class DynamoDbSinkProvider implements ResultSinkProvider {

    /** The id plans use. */
    public static final String ID = "dynamodb";

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("endpoint", ConfigKey.Type.STRING, null,
                    "service URL for a local or DynamoDB-compatible server; AWS itself when absent"),
            ConfigKey.optional("region", ConfigKey.Type.STRING, null,
                    "AWS region; the SDK's default region chain when absent"),
            ConfigKey.optional("results_table", ConfigKey.Type.STRING, "load-test-results",
                    "table with one item per run, keyed test_name + started_at_test_id"),
            ConfigKey.optional("metrics_table", ConfigKey.Type.STRING, "load-test-metrics",
                    "table with one item per interval, keyed test_id + second"),
            ConfigKey.optional("create_tables", ConfigKey.Type.BOOLEAN, false,
                    "create missing tables (on-demand capacity) at the start of the run and wait for them"),
            ConfigKey.optional("report_url_prefix", ConfigKey.Type.STRING, null,
                    "prefix of the run's uploaded folder, e.g. s3://bucket/onrush/; the item's report_url is "
                            + "this plus the test id and a slash"),
            ConfigKey.optional("max_attempts", ConfigKey.Type.INT, Backoff.DEFAULT.maxAttempts(),
                    "attempts per write before the sink gives up (throttling, 5xx, I/O errors, unprocessed items)"),
            ConfigKey.optional("request_timeout", ConfigKey.Type.DURATION, "10s",
                    "the longest one HTTP attempt may take"));

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
            return new UnconfiguredDynamoDbSink("sink " + ID + ": region: not set, and the AWS SDK found none in AWS_REGION, "
                    + "aws.region or the profile (" + e.getMessage() + ")");
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
        URI endpoint = null;
        String endpointText = config.string("endpoint");
        if (endpointText != null) {
            try {
                endpoint = new URI(endpointText);
                if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                    problems.add("endpoint: \"" + endpointText + "\" is not an absolute URL such as http://127.0.0.1:4567");
                }
            } catch (URISyntaxException e) {
                problems.add("endpoint: \"" + endpointText + "\" is not a URL (" + e.getReason() + ")");
            }
        }
        String results = config.string("results_table");
        String metrics = config.string("metrics_table");
        checkTableName("results_table", results, problems);
        checkTableName("metrics_table", metrics, problems);
        if (results.equals(metrics)) {
            problems.add("results_table and metrics_table: must be two tables, both are \"" + results + "\"");
        }
        int attempts = config.integer("max_attempts");
        if (attempts < 1 || attempts > 20) {
            problems.add("max_attempts: must be 1 to 20, got " + attempts);
        }
        Duration timeout = config.duration("request_timeout");
        if (timeout.isZero()) {
            problems.add("request_timeout: must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("sink " + ID + ": " + String.join("; ", problems));
        }
        Backoff backoff = new Backoff(attempts, Backoff.DEFAULT.firstDelay(), Backoff.DEFAULT.maxDelay());
        return new DynamoDbSinkConfig(endpoint, config.string("region"), results, metrics,
                config.bool("create_tables"), config.string("report_url_prefix"), timeout, backoff);
    }

    private static void checkTableName(String key, String name, List<String> problems) {
        if (!TABLE_NAME.matcher(name).matches()) {
            problems.add(key + ": \"" + name + "\" is not a DynamoDB table name (3-255 of a-z A-Z 0-9 _ - .)");
        }
    }

    /**
     * A blocking client with timeouts on every attempt and on the whole call, and without the SDK's own retries
     * ({@link Backoff} does them, so the bound is one number the user sets).
     */
    static DynamoDbClient client(DynamoDbSinkConfig settings) {
        Duration timeout = settings.requestTimeout();
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5).compareTo(timeout) < 0 ? Duration.ofSeconds(5) : timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.plusSeconds(5))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }
}
