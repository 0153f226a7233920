package dev.onrush.app.serve;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.HumanDuration;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.spi.ConfigKey;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the service lets a plan do: its size, where it may send requests (the {@link TargetAllowList}: the target
 * and every setting of its sinks and probes that the plugin declares a URL, {@link ConfigKey.Kind#URL}), and how
 * much (rate, users, duration). Each refusal is an {@link ApiException} that names the limit's setting, its value
 * and the plan's value. Immutable and thread-safe.
 */
public final class PlanPolicy {

    /**
     * The settings a plugin accepts, found by section ({@code sinks} or {@code probes}) and id; empty for an id no
     * plugin has (such a plan fails when its plugins are made, before any request). Thread-safe.
     */
    @FunctionalInterface
    public interface PluginKeys {
        List<ConfigKey> of(String section, String id);

        /** The keys of the plugins {@code onrush} can make. */
        static PluginKeys of(Onrush onrush) {
            return (section, id) -> (section.equals(SINKS) ? onrush.sinkConfigKeys(id) : onrush.probeConfigKeys(id))
                    .orElse(List.of());
        }
    }

    static final String SINKS = "sinks";
    static final String PROBES = "probes";

    private final TargetAllowList allowList;
    private final PluginKeys pluginKeys;
    private final int maxPlanBytes;
    private final double maxRatePerSec;
    private final int maxUsers;
    private final Duration maxDuration;

    /**
     * @param pluginKeys where the URL settings of a plan's sinks and probes are looked up
     */
    public PlanPolicy(TargetAllowList allowList, PluginKeys pluginKeys, int maxPlanBytes, double maxRatePerSec,
                      int maxUsers, Duration maxDuration) {
        this.allowList = allowList;
        this.pluginKeys = pluginKeys;
        this.maxPlanBytes = maxPlanBytes;
        this.maxRatePerSec = maxRatePerSec;
        this.maxUsers = maxUsers;
        this.maxDuration = maxDuration;
    }

    /** The policy {@code config} describes; loopback only is allowed when it has no list and is local-only. */
    static PlanPolicy of(ServeConfig config, PluginKeys pluginKeys) {
        List<String> allowed = config.allowedTargets().orElse(List.of());
        if (allowed.isEmpty() && config.insecureLocalOnly()) {
            allowed = List.of("127.0.0.0/8", "::1", "localhost");
        }
        return new PlanPolicy(new TargetAllowList(allowed), pluginKeys, config.maxPlanBytes(), config.maxRatePerSec(),
                config.maxUsers(), config.maxDuration());
    }

    public TargetAllowList allowList() {
        return allowList;
    }

    /** @throws ApiException 413 naming {@code onrush.serve.max-plan-bytes} when {@code planText} is larger */
    public void checkSize(String planText) {
        int bytes = planText.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxPlanBytes) {
            throw new ApiException(413, "max_plan_bytes", "the plan has " + bytes
                    + " bytes, more than the limit onrush.serve.max-plan-bytes=" + maxPlanBytes);
        }
    }

    /**
     * @throws ApiException 403 when the target or a URL setting of a sink or probe is outside the allow-list, 422
     *                      when the plan asks for more rate, users or time than allowed
     */
    public void check(LoadTest test) {
        refuse(test.target().url(), "target.url");
        checkPluginUrls(SINKS, test.sinks());
        checkPluginUrls(PROBES, test.probes());
        double rate = 0;
        int users = 0;
        for (Phase p : test.phases()) {
            if (p.shape() instanceof LoadShape.Rate r) {
                rate = Math.max(rate, Math.max(r.fromPerSec(), r.toPerSec()));
            } else if (p.shape() instanceof LoadShape.Users u) {
                users = Math.max(users, Math.max(u.from(), u.to()));
            }
        }
        if (test.isStressSearch()) {
            // a search decides its rates as it runs, up to stress.max_rate: that is what it may ask for
            rate = Math.max(rate, test.stress().maxRate());
        }
        if (rate > maxRatePerSec) {
            throw new ApiException(422, "max_rate_per_sec", String.format(Locale.ROOT,
                    "the plan asks for %s arrivals/s, more than the limit onrush.serve.max-rate-per-sec=%s",
                    number(rate), number(maxRatePerSec)));
        }
        if (users > maxUsers) {
            throw new ApiException(422, "max_users", "the plan asks for " + users
                    + " virtual users, more than the limit onrush.serve.max-users=" + maxUsers);
        }
        Duration total = test.totalDuration();
        if (total.compareTo(maxDuration) > 0) {
            throw new ApiException(422, "max_duration", "the plan runs for " + HumanDuration.format(total)
                    + ", longer than the limit onrush.serve.max-duration=" + HumanDuration.format(maxDuration));
        }
    }

    /** Every setting of {@code specs} that its plugin declares a URL it contacts must pass the allow-list. */
    private void checkPluginUrls(String section, List<PluginSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            PluginSpec spec = specs.get(i);
            for (ConfigKey key : pluginKeys.of(section, spec.id())) {
                Object value = spec.settings().get(key.name());
                if (key.isUrl() && value != null) {
                    String what = section + "[" + i + "] (" + spec.id() + ")." + key.name();
                    refuse(parse(value, what), what);
                }
            }
        }
    }

    private static URI parse(Object value, String what) {
        try {
            return new URI(value.toString());
        } catch (URISyntaxException e) {
            throw new ApiException(403, "target_not_allowed", what + " \"" + value
                    + "\" is not a URL the allow-list can check");
        }
    }

    private void refuse(URI url, String what) {
        allowList.refusal(url, what).ifPresent(reason -> {
            throw new ApiException(403, "target_not_allowed", reason);
        });
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
