package dev.onrush.sink.s3;

import dev.onrush.aws.AwsFailures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts one file as one object: a single PutObject up to the part size, a multipart upload above it (aborted when
 * it fails, so no invisible parts are left to pay for). Each S3 call is retried by the client (the SDK's standard
 * strategy, up to {@code max_attempts}).
 */
final class Uploader {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "json", "application/json",
            "jsonl", "application/x-ndjson",
            "hlog", "text/plain",
            "html", "text/html",
            "csv", "text/csv",
            "txt", "text/plain");

    private final S3Client client;
    private final S3SinkConfig config;

    Uploader(S3Client client, S3SinkConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The content type of a run file, by its extension; {@code application/octet-stream} when unknown. */
    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /**
     * Uploads {@code file} to {@code key}.
     *
     * @throws S3UploadException naming the bucket and key when S3 refused it or the retries ran out
     * @throws IOException       when the local file cannot be read
     */
    void upload(Path file, String key) throws IOException {
        long size = Files.size(file);
        String type = contentType(file.getFileName().toString());
        String target = "s3://" + config.bucket() + "/" + key;
        if (size <= config.partSizeBytes()) {
            AwsFailures.call("PutObject " + target, () -> client.putObject(b -> b.bucket(config.bucket())
                    .key(key).contentType(type).contentLength(size), RequestBody.fromFile(file)),
                    S3UploadException::new);
            return;
        }
        String uploadId = AwsFailures.call("CreateMultipartUpload " + target,
                () -> client.createMultipartUpload(b -> b.bucket(config.bucket()).key(key).contentType(type)),
                S3UploadException::new).uploadId();
        try {
            List<CompletedPart> parts = uploadParts(file, key, uploadId, target);
            AwsFailures.call("CompleteMultipartUpload " + target, () -> client.completeMultipartUpload(b -> b
                    .bucket(config.bucket()).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))),
                    S3UploadException::new);
        } catch (IOException | RuntimeException e) {
            abortQuietly(key, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(Path file, String key, String uploadId, String target)
            throws IOException {
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[Math.toIntExact(config.partSizeBytes())];
        try (InputStream in = Files.newInputStream(file)) {
            for (int number = 1; ; number++) {
                int length = in.readNBytes(buffer, 0, buffer.length);
                if (length == 0) {
                    return parts;
                }
                int partNumber = number;
                byte[] part = length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length);
                String eTag = AwsFailures.call("UploadPart " + partNumber + " of " + target,
                        () -> client.uploadPart(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId)
                                .partNumber(partNumber).contentLength((long) part.length),
                                RequestBody.fromBytes(part)), S3UploadException::new).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
        }
    }

    private void abortQuietly(String key, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
