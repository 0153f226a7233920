package dev.onrush.sink.s3;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/** S3Proxy on 127.0.0.1 and a free port with an in-memory blob store, and a client to read it back. */
final class LocalS3 implements AutoCloseable {

    static final String IDENTITY = "onrush-test";
    static final String CREDENTIAL = "onrush-test-secret";

    private final S3Proxy proxy;
    private final URI endpoint;
    final S3Client client;

    LocalS3() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL).build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true).build();
    }

    URI endpoint() {
        return endpoint;
    }

    void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
