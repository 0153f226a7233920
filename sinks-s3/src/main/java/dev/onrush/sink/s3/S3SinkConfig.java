package dev.onrush.sink.s3;

import dev.onrush.aws.AwsSettings;

import java.util.Objects;

/**
 * The settings of one {@code {id: s3, bucket: ...}} plan entry. Immutable.
 *
 * @param aws            region, endpoint, timeout (one object or one part, retries included) and attempts of the
 *                       client: the AWS plugins' shared keys
 * @param bucket         the bucket to upload into; it must exist
 * @param prefix         prepended to {@code <test id>/<file>} to make each key; empty or ending in {@code /}
 * @param pathStyle      whether to address the bucket in the path ({@code http://host/bucket/key}), as most local
 *                       servers need, rather than in the host name
 * @param partSizeBytes  files larger than this go up in parts of this size (at least 5 MiB, S3's minimum)
 */
public record S3SinkConfig(AwsSettings aws, String bucket, String prefix, boolean pathStyle, long partSizeBytes) {

    /** S3 refuses parts below 5 MiB (except the last). */
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;

    /**
     * @throws NullPointerException     naming the parameter when the AWS settings, bucket or prefix is missing
     * @throws IllegalArgumentException when the part size is below {@link #MIN_PART_BYTES}
     */
    public S3SinkConfig {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (partSizeBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("partSizeBytes must be at least " + MIN_PART_BYTES + ", got "
                    + partSizeBytes);
        }
    }

    /** The key of {@code file} of run {@code testId}. */
    String key(String testId, String file) {
        return prefix + testId + "/" + file;
    }
}
