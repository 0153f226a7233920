package dev.onrush.sink.s3;

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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code sinks: [{id: s3, bucket: my-results, prefix: onrush/}]}: uploads the run's local folder to
 * {@code s3://<bucket>/<prefix><test id>/} at the end of the run (see {@link S3Sink}). Credentials come from the AWS
 * SDK's default provider chain, never from the plan. No I/O here.
 */
public final class S3SinkProvider implements ResultSinkProvider {

    /** The id plans use. */
    public static final String ID = "s3";

    private static final long MIB = 1024L * 1024;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("endpoint", ConfigKey.Type.STRING, null,
                    "service URL for a local or S3-compatible server; AWS itself when absent"),
            ConfigKey.optional("region", ConfigKey.Type.STRING, null,
                    "AWS region; the SDK's default region chain when absent"),
            ConfigKey.required("bucket", ConfigKey.Type.STRING, "the bucket to upload into (it must exist)"),
            ConfigKey.optional("prefix", ConfigKey.Type.STRING, "onrush/",
                    "key prefix; objects go to <prefix><test id>/<file>"),
            ConfigKey.optional("path_style", ConfigKey.Type.BOOLEAN, false,
                    "address the bucket in the URL path (most local servers need this)"),
            ConfigKey.optional("part_size_mib", ConfigKey.Type.INT, 8,
                    "files above this many MiB go up as a multipart upload in parts of this size (5 or more)"),
            ConfigKey.optional("max_attempts", ConfigKey.Type.INT, Backoff.DEFAULT.maxAttempts(),
                    "attempts per S3 call before the sink gives up (throttling, 5xx, I/O errors)"),
            ConfigKey.optional("request_timeout", ConfigKey.Type.DURATION, "60s",
                    "the longest one HTTP attempt (one object or one part) may take"));

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
        S3SinkConfig settings = settings(config);
        try {
            return new S3Sink(client(settings), true, settings);
        } catch (SdkClientException e) {
            return new UnconfiguredS3Sink("sink " + ID + ": region: not set, and the AWS SDK found none in AWS_REGION, "
                    + "aws.region or the profile (" + e.getMessage() + ")");
        }
    }

    /** A sink that could not be made: each call fails with the same message. */
    private record UnconfiguredS3Sink(String message) implements ResultSink {
        @Override
        public CompletionStage<Void> onStart(RunInfo run) {
            return CompletableFuture.failedFuture(new S3UploadException(message));
        }

        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            return CompletableFuture.failedFuture(new S3UploadException(message));
        }
    }

    /** Reads and checks the settings, naming every bad key at once. */
    static S3SinkConfig settings(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        URI endpoint = null;
        String endpointText = config.string("endpoint");
        if (endpointText != null) {
            try {
                endpoint = new URI(endpointText);
                if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                    problems.add("endpoint: \"" + endpointText + "\" is not an absolute URL such as http://127.0.0.1:9000");
                }
            } catch (URISyntaxException e) {
                problems.add("endpoint: \"" + endpointText + "\" is not a URL (" + e.getReason() + ")");
            }
        }
        String bucket = config.string("bucket");
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            problems.add("bucket: \"" + bucket + "\" is not a bucket name (1-63 of a-z 0-9 . -)");
        }
        String prefix = config.string("prefix");
        if (prefix.startsWith("/")) {
            problems.add("prefix: \"" + prefix + "\" must not start with /");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        int partMib = config.integer("part_size_mib");
        if (partMib < 5 || partMib > 1024) {
            problems.add("part_size_mib: must be 5 to 1024, got " + partMib);
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
        return new S3SinkConfig(endpoint, config.string("region"), bucket, prefix, config.bool("path_style"),
                partMib * MIB, timeout, new Backoff(attempts, Backoff.DEFAULT.firstDelay(), Backoff.DEFAULT.maxDelay()));
    }

    /**
     * A blocking client with timeouts on every attempt and on the whole call, and without the SDK's own retries
     * ({@link Backoff} does them, so the bound is one number the user sets).
     */
    static S3Client client(S3SinkConfig settings) {
        Duration timeout = settings.requestTimeout();
        Duration connect = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(timeout))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.plusSeconds(5))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .forcePathStyle(settings.pathStyle());
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }
}
