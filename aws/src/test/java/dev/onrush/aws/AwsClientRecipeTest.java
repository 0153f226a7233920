package dev.onrush.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real SDK client built by the recipe, against WireMock on 127.0.0.1 answering as DynamoDB's JSON protocol. */
class AwsClientRecipeTest {

    private static final String JSON = "application/x-amz-json-1.0";
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static DynamoDbClient client(Duration timeout, int maxAttempts) {
        AwsSettings settings = new AwsSettings(null, URI.create(server.baseUrl()), timeout, maxAttempts);
        return AwsClientRecipe.configure(DynamoDbClient.builder(), settings).build();
    }

    @Test
    void aServerErrorIsTriedExactlyMaxAttemptsTimes() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"com.amazon.coral.availability#InternalServerError\",\"message\":\"boom\"}")));

        try (DynamoDbClient client = client(Duration.ofSeconds(20), 3)) {
            assertThatThrownBy(client::listTables).isInstanceOf(DynamoDbException.class)
                    .satisfies(e -> assertThat(AwsFailures.attempts((SdkException) e)).isEqualTo(3))
                    .satisfies(e -> assertThat(AwsFailures.message("ListTables", (SdkException) e))
                            .startsWith("ListTables failed after 3 attempts: boom"));
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(3)
                .extracting(r -> r.getHeader("amz-sdk-request")).first().asString().startsWith("attempt=1");
    }

    @Test
    void oneAttemptMeansNoRetry() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"ServiceUnavailable\",\"message\":\"later\"}")));

        try (DynamoDbClient client = client(Duration.ofSeconds(20), 1)) {
            assertThatThrownBy(client::listTables).isInstanceOf(DynamoDbException.class)
                    .satisfies(e -> assertThat(AwsFailures.message("ListTables", (SdkException) e))
                            .startsWith("ListTables failed: later"));
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad\"}")));

        try (DynamoDbClient client = client(Duration.ofSeconds(20), 4)) {
            assertThatThrownBy(client::listTables).isInstanceOf(DynamoDbException.class);
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aHungServerIsCutAtTheAttemptTimeoutAndTheCallEndsWithinTheTimeout() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"TableNames\":[]}").withFixedDelay(5_000)));
        long start = System.nanoTime();

        try (DynamoDbClient client = client(Duration.ofMillis(1_200), 2)) {
            assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("the whole call's timeout bounds it").isLessThan(Duration.ofSeconds(4));
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).as("two attempts of 600 ms fit in 1.2 s")
                .hasSizeBetween(1, 2);
    }

    @Test
    void aRecoveringServerIsRetriedUntilItAnswers() {
        server.stubFor(post(anyUrl()).inScenario("flaky").whenScenarioStateIs("Started").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", JSON)
                        .withBody("{\"__type\":\"InternalServerError\",\"message\":\"once\"}")));
        server.stubFor(post(anyUrl()).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                        .withBody("{\"TableNames\":[\"runs\"]}")));

        try (DynamoDbClient client = client(Duration.ofSeconds(20), 4)) {
            assertThat(client.listTables().tableNames()).containsExactly("runs");
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(2)
                .last().satisfies(r -> assertThat(r.getHeader("amz-sdk-request")).startsWith("attempt=2"));
    }

    @Test
    void anEndpointWithoutARegionSignsForUsEast1() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"TableNames\":[]}")));

        try (DynamoDbClient client = client(Duration.ofSeconds(5), 1)) {
            client.listTables();
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization"))
                .contains("/us-east-1/dynamodb/aws4_request");
    }

    @Test
    void theRegionGivenIsTheOneSignedFor() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"TableNames\":[]}")));
        AwsSettings settings = new AwsSettings("eu-west-1", URI.create(server.baseUrl()), Duration.ofSeconds(5), 1);

        try (DynamoDbClient client = AwsClientRecipe.configure(DynamoDbClient.builder(), settings).build()) {
            client.listTables();
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization"))
                .contains("/eu-west-1/dynamodb/aws4_request");
    }
}
