package dev.onrush.aws;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an AWS plugin reaches its service: the settings every AWS plugin accepts under the same names
 * ({@link #keys}). Credentials are not among them: they always come from the SDK's default chain (environment,
 * {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties, {@code ~/.aws}, instance role), never
 * from a plan. Immutable.
 *
 * @param region      the AWS region ({@code eu-west-1}), or {@code null} for the SDK's region chain
 * @param endpoint    an absolute URL to use instead of the region's (local servers, VPC endpoints), or
 *                    {@code null}
 * @param timeout     the longest one SDK call may take, its retries included; positive
 * @param maxAttempts attempts per call, the first included, 1 to {@value #MAX_ATTEMPTS_LIMIT}
 */
public record AwsSettings(String region, URI endpoint, Duration timeout, int maxAttempts) {

    /** The region key. */
    public static final String REGION = "region";
    /** The endpoint key. */
    public static final String ENDPOINT = "endpoint";
    /** The timeout key: one call, retries included. */
    public static final String TIMEOUT = "timeout";
    /** The attempts key: attempts per call, the first included. */
    public static final String MAX_ATTEMPTS = "max_attempts";
    /** The old name of {@link #TIMEOUT}, still read, with a warning. */
    public static final String DEPRECATED_TIMEOUT = "request_timeout";
    /** The most attempts a plan may ask for. */
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    private static final System.Logger LOG = System.getLogger(AwsSettings.class.getName());

    /**
     * @throws NullPointerException     naming the parameter when {@code timeout} is missing
     * @throws IllegalArgumentException when the timeout is not positive, the attempts are out of range, the region
     *                                  is blank or the endpoint is not absolute
     */
    public AwsSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS_LIMIT + ", got "
                    + maxAttempts);
        }
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new IllegalArgumentException("endpoint must be an absolute URL, got " + endpoint);
        }
    }

    /**
     * The longest one HTTP attempt may take: half the {@link #timeout} when there may be a retry, so that a hung
     * first attempt leaves time for a second; the whole timeout when there is one attempt only.
     */
    public Duration attemptTimeout() {
        return maxAttempts == 1 ? timeout : timeout.dividedBy(2);
    }

    /**
     * The keys of these settings, to put in a provider's {@code configKeys()}.
     *
     * @param service            the service's name for the descriptions, e.g. {@code "CloudWatch"}
     * @param defaultTimeout     the plugin's default {@link #TIMEOUT}, e.g. {@code "20s"}
     * @param defaultMaxAttempts the plugin's default {@link #MAX_ATTEMPTS}
     */
    public static List<ConfigKey> keys(String service, String defaultTimeout, int defaultMaxAttempts) {
        return List.of(
                ConfigKey.optional(REGION, ConfigKey.Type.STRING, null,
                        "the AWS region, e.g. eu-west-1; default: the SDK's region chain (AWS_REGION, aws.region, "
                                + "profile)"),
                ConfigKey.url(ENDPOINT, null,
                        "the " + service + " endpoint URL to use instead of the region's (local servers, VPC "
                                + "endpoints); with no region it signs for us-east-1"),
                ConfigKey.optional(TIMEOUT, ConfigKey.Type.DURATION, defaultTimeout,
                        "the longest one " + service + " call may take, retries included"),
                ConfigKey.optional(MAX_ATTEMPTS, ConfigKey.Type.INT, defaultMaxAttempts,
                        "attempts per " + service + " call, the first included (the SDK's standard retries: "
                                + "throttling, 5xx, I/O errors, with backoff)"),
                ConfigKey.optional(DEPRECATED_TIMEOUT, ConfigKey.Type.DURATION, null,
                        "deprecated: the old name of timeout"));
    }

    /**
     * Reads these settings from a plugin's entry (built with the provider's keys, so with its defaults), adding a
     * sentence per bad key to {@code problems}, each starting with the key, so that the plugin can report them
     * together with its own. {@link #DEPRECATED_TIMEOUT} is read as {@link #TIMEOUT}, with a warning logged.
     *
     * @return the settings, or {@code null} when one of their keys had a problem
     */
    public static AwsSettings read(PluginConfig config, List<String> problems) {
        int before = problems.size();
        String region = get(() -> config.string(REGION), problems);
        if (region != null && region.isBlank()) {
            problems.add(REGION + ": must not be blank");
        }
        URI endpoint = endpoint(get(() -> config.string(ENDPOINT), problems), problems);
        Duration timeout = timeout(config, problems);
        Integer attempts = get(() -> config.integer(MAX_ATTEMPTS), problems);
        if (attempts != null && (attempts < 1 || attempts > MAX_ATTEMPTS_LIMIT)) {
            problems.add(MAX_ATTEMPTS + ": must be 1 to " + MAX_ATTEMPTS_LIMIT + ", got " + attempts);
        }
        if (problems.size() > before) {
            return null;
        }
        return new AwsSettings(region == null ? null : region.trim(), endpoint, timeout, attempts);
    }

    /** {@code text} as an absolute URL, or {@code null} when absent; a problem when it is not one. */
    private static URI endpoint(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            URI endpoint = new URI(text.trim());
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                problems.add(ENDPOINT + ": \"" + text + "\" is not an absolute URL such as http://127.0.0.1:4566");
            }
            return endpoint;
        } catch (URISyntaxException e) {
            problems.add(ENDPOINT + ": \"" + text + "\" is not a URL (" + e.getReason() + ")");
            return null;
        }
    }

    private static Duration timeout(PluginConfig config, List<String> problems) {
        Duration timeout;
        if (config.has(DEPRECATED_TIMEOUT)) {
            if (config.has(TIMEOUT)) {
                problems.add(DEPRECATED_TIMEOUT + ": the deprecated name of " + TIMEOUT + "; give only " + TIMEOUT);
                return null;
            }
            LOG.log(System.Logger.Level.WARNING, "{0}.{1} is deprecated: write {2} (one call, retries included)",
                    config.pluginId(), DEPRECATED_TIMEOUT, TIMEOUT);
            timeout = get(() -> config.duration(DEPRECATED_TIMEOUT), problems);
            return positive(DEPRECATED_TIMEOUT, timeout, problems);
        }
        int before = problems.size();
        timeout = get(() -> config.duration(TIMEOUT), problems);
        if (timeout == null && problems.size() == before) {
            problems.add(TIMEOUT + ": missing (the provider's keys give it a default)");
        }
        return positive(TIMEOUT, timeout, problems);
    }

    private static Duration positive(String key, Duration timeout, List<String> problems) {
        if (timeout != null && timeout.isZero()) {
            problems.add(key + ": must be positive");
        }
        return timeout;
    }

    /** The getter's value, or {@code null} with the getter's complaint (without the plugin id) added. */
    private static <T> T get(Supplier<T> getter, List<String> problems) {
        try {
            return getter.get();
        } catch (IllegalArgumentException e) {
            problems.add(String.valueOf(e.getMessage()).replaceFirst("^[^.:]+\\.", ""));
            return null;
        }
    }
}
