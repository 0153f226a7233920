package dev.onrush.sink.s3;

import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.ContractRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads real run folders to S3Proxy through the sink and reads every object back. */
class S3SinkTest {

    private static LocalS3 s3;

    @TempDir
    Path runDir;

    @BeforeAll
    static void start() throws Exception {
        s3 = new LocalS3();
        s3.createBucket("results");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void aRunFolderIsUploadedUnderPrefixAndTestIdWithContentTypes() throws Exception {
        ContractRecords records = new ContractRecords();
        Map<String, byte[]> files = new HashMap<>();
        files.put("result.json", "{\"schemaVersion\":1,\"verdict\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8));
        files.put("intervals.jsonl", "{\"index\":0}\n{\"index\":1}\n".getBytes(StandardCharsets.UTF_8));
        files.put("latency.hlog", "#[StartTime: 1.0]\n\"StartTimestamp\",\"Interval_Length\"\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("report.html", "<!doctype html><title>run</title>".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(runDir.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(runDir.resolve("result.json.tmp"), "half written");

        run(sink(Map.of("prefix", "team-a/load")), records.runInfo(runDir));

        String folder = "team-a/load/" + records.testId() + "/";
        assertThat(s3.client.listObjectsV2Paginator(b -> b.bucket("results").prefix(folder)).contents().stream()
                .map(S3Object::key).toList())
                .containsExactlyInAnyOrder(folder + "result.json", folder + "intervals.jsonl",
                        folder + "latency.hlog", folder + "report.html");
        Map<String, String> types = Map.of("result.json", "application/json", "intervals.jsonl",
                "application/x-ndjson", "latency.hlog", "text/plain", "report.html", "text/html");
        for (Map.Entry<String, String> expected : types.entrySet()) {
            ResponseBytes<GetObjectResponse> object = s3.client.getObjectAsBytes(b -> b.bucket("results")
                    .key(folder + expected.getKey()));
            assertThat(object.response().contentType()).as(expected.getKey()).isEqualTo(expected.getValue());
            assertThat(object.asByteArray()).as(expected.getKey()).isEqualTo(files.get(expected.getKey()));
        }
    }

    @Test
    void aLargeFileGoesUpInPartsAndComesBackWhole() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(runDir.resolve("latency.hlog"), big);
        ContractRecords records = new ContractRecords();

        run(sink(Map.of()), records.runInfo(runDir));

        String key = "onrush/" + records.testId() + "/latency.hlog";
        ResponseBytes<GetObjectResponse> object = s3.client.getObjectAsBytes(b -> b.bucket("results").key(key));
        assertThat(object.response().contentType()).isEqualTo("text/plain");
        assertThat(object.asByteArray()).isEqualTo(big);
        // a multipart object's ETag is "<md5 of the part md5s>-<parts>": 8 + 8 + 4 MiB
        assertThat(object.response().eTag()).endsWith("-3\"");
    }

    @Test
    void aMissingBucketFailsTheStartNamingIt() {
        ResultSink sink = sink(Map.of("bucket", "no-such-bucket"));

        assertThatThrownBy(() -> await(sink.onStart(new ContractRecords().runInfo(runDir))))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(S3UploadException.class)
                .hasMessageContaining("HeadBucket s3://no-such-bucket").hasMessageContaining("does not exist");
    }

    @Test
    void aFailedUploadFailsTheStageNamingBucketAndKey() throws Exception {
        Files.writeString(runDir.resolve("result.json"), "{}");
        ContractRecords records = new ContractRecords();
        ResultSink sink = sink(Map.of("bucket", "gone-bucket"));
        sink.onStart(records.runInfo(runDir)); // fails: the bucket is missing; the upload is tried all the same

        assertThatThrownBy(() -> await(sink.onComplete(records.result(1))))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(S3UploadException.class)
                .hasMessageContaining("PutObject s3://gone-bucket/onrush/" + records.testId() + "/result.json");
    }

    @Test
    void settingsAreCheckedTogether() {
        S3SinkProvider provider = new S3SinkProvider();
        PluginConfig bad = new PluginConfig(provider.id(), Map.of("bucket", "Bad_Bucket/x", "part_size_mib", 1,
                "endpoint", "not a url"), provider.configKeys());

        assertThatThrownBy(() -> provider.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket:").hasMessageContaining("part_size_mib:")
                .hasMessageContaining("endpoint:");
    }

    @Test
    void theSharedAwsKeysAreCheckedWithTheRestAndTheOldTimeoutNameIsStillRead() {
        S3SinkProvider provider = new S3SinkProvider();
        PluginConfig bad = new PluginConfig(provider.id(), Map.of("bucket", "results", "max_attempts", 30,
                "timeout", "0s", "prefix", "/abs"), provider.configKeys());

        assertThatThrownBy(() -> provider.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sink s3: ").hasMessageContaining("max_attempts: must be 1 to 20")
                .hasMessageContaining("timeout: must be positive").hasMessageContaining("prefix:");
        assertThat(S3SinkProvider.settings(new PluginConfig(provider.id(), Map.of("bucket", "results",
                "request_timeout", "90s"), provider.configKeys())).aws().timeout()).hasSeconds(90);
    }

    private static ResultSink sink(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Map.of("endpoint", s3.endpoint().toString(),
                "region", "us-east-1", "bucket", "results", "path_style", true));
        settings.putAll(overrides);
        S3SinkProvider provider = new S3SinkProvider();
        return provider.create(new PluginConfig(provider.id(), settings, provider.configKeys()));
    }

    private static void run(ResultSink sink, RunInfo info) {
        ContractRecords records = new ContractRecords();
        await(sink.onStart(info));
        await(sink.onInterval(records.interval(0)));
        await(sink.onComplete(records.result(1)));
    }

    private static void await(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

}
