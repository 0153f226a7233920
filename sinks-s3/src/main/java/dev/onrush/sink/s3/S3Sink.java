package dev.onrush.sink.s3;

import dev.onrush.aws.AwsFailures;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * Uploads a run's local folder to {@code s3://<bucket>/<prefix><test id>/<file>} at {@link #onComplete}: every
 * regular file directly in {@link RunInfo#outputDir()} ({@code result.json}, {@code intervals.jsonl},
 * {@code latency.hlog}, {@code report.html} when present), in name order, each with its content type. Files the
 * runner is still writing ({@code *.tmp}) are skipped. {@link #onStart} checks that the bucket can be reached, so a
 * wrong bucket or endpoint shows at the start of the run rather than at its end.
 *
 * <p>Threading: Onrush calls it from one worker thread at a time; the callbacks block (bounded by the client's
 * timeouts and retries) and return completed or failed stages. Not thread-safe.
 */
public final class S3Sink implements ResultSink {

    private final S3Client client;
    private final boolean ownsClient;
    private final S3SinkConfig config;
    private RunInfo run;

    /**
     * @param client     the client to upload with
     * @param ownsClient whether the sink closes {@code client} at {@link #onComplete}
     * @param config     the bucket, prefix, part size and client settings
     */
    public S3Sink(S3Client client, boolean ownsClient, S3SinkConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public CompletionStage<Void> onStart(RunInfo info) {
        this.run = info;
        try {
            AwsFailures.call("HeadBucket s3://" + config.bucket(),
                    () -> client.headBucket(b -> b.bucket(config.bucket())), S3UploadException::new);
            return CompletableFuture.completedFuture(null);
        } catch (S3UploadException e) {
            String hint = e.getCause() instanceof NoSuchBucketException
                    || e.getMessage().contains("Status Code: 404") ? " (the bucket does not exist)" : "";
            return CompletableFuture.failedFuture(new S3UploadException(e.getMessage() + hint, e.getCause()));
        }
    }

    /** Uploads the run folder; closes the client when the sink made it. */
    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        try {
            Path dir = run == null ? null : run.outputDir();
            if (dir == null) {
                return CompletableFuture.failedFuture(new S3UploadException("nothing to upload to s3://"
                        + config.bucket() + "/" + config.key(result.testId(), "") + ": the run keeps no local folder"));
            }
            Uploader uploader = new Uploader(client, config);
            for (Path file : files(dir)) {
                String key = config.key(result.testId(), file.getFileName().toString());
                try {
                    uploader.upload(file, key);
                } catch (IOException e) {
                    throw new S3UploadException("could not read " + file + " for s3://" + config.bucket() + "/"
                            + key + ": " + e.getMessage(), e);
                }
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            if (ownsClient) {
                client.close();
            }
        }
    }

    /** The files to upload, in name order. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .sorted()
                    .toList();
        }
    }
}
