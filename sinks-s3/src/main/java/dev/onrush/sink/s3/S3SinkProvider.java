package dev.onrush.sink.s3;

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
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code sinks: [{id: s3, bucket: my-results, prefix: onrush/}]}: uploads the run's local folder to
 * {@code s3://<bucket>/<prefix><test id>/} at the end of the run (see {@link S3Sink}). Credentials come from the AWS
 * SDK's default provider chain, never from the plan; {@code region}, {@code endpoint}, {@code timeout} and
 * {@code max_attempts} are the AWS plugins' shared keys ({@link AwsSettings}). No I/O here.
 */
public final class S3SinkProvider implements ResultSinkProvider {

    /** The id plans use. */
    public static final String ID = "s3";

    private static final long MIB = 1024L * 1024;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    /** Attempts per call, the first included, when the plan does not say. */
    static final int DEFAULT_MAX_ATTEMPTS = 6;

    private static final List<ConfigKey> KEYS = keys();

    private static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(AwsSettings.keys("S3", "120s", DEFAULT_MAX_ATTEMPTS));
        keys.addAll(List.of(
                ConfigKey.required("bucket", ConfigKey.Type.STRING, "the bucket to upload into (it must exist)"),
                ConfigKey.optional("prefix", ConfigKey.Type.STRING, "onrush/",
                        "key prefix; objects go to <prefix><test id>/<file>"),
                ConfigKey.optional("path_style", ConfigKey.Type.BOOLEAN, false,
                        "address the bucket in the URL path (most local servers need this)"),
                ConfigKey.optional("part_size_mib", ConfigKey.Type.INT, 8,
                        "files above this many MiB go up as a multipart upload in parts of this size (5 or more)")));
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
        S3SinkConfig settings = settings(config);
        try {
            return new S3Sink(client(settings), true, settings);
        } catch (SdkClientException e) {
            return new UnconfiguredS3Sink("sink " + ID + ": " + AwsFailures.noRegion(e));
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
        AwsSettings aws = AwsSettings.read(config, problems);
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
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("sink " + ID + ": " + String.join("; ", problems));
        }
        return new S3SinkConfig(aws, bucket, prefix, config.bool("path_style"), partMib * MIB);
    }

    /** A blocking client made by the AWS plugins' recipe: timeouts, the SDK's standard retries, the default chain. */
    static S3Client client(S3SinkConfig settings) {
        return AwsClientRecipe.configure(S3Client.builder(), settings.aws()).forcePathStyle(settings.pathStyle())
                .build();
    }
}
