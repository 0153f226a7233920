package dev.onrush.app.serve;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetAllowListTest {

    private static boolean allowed(TargetAllowList list, String url) {
        return list.refusal(URI.create(url), "target.url").isEmpty();
    }

    @Test
    void rangesMatchAddressesInsideAndRefuseOthersNamingHostAndList() {
        TargetAllowList list = new TargetAllowList(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));
        assertThat(allowed(list, "http://10.20.30.40:8080/x")).isTrue();
        assertThat(allowed(list, "http://192.168.1.7")).isTrue();
        assertThat(allowed(list, "http://[fd12::1]:80")).isTrue();
        assertThat(allowed(list, "http://192.168.1.8")).isFalse();
        assertThat(allowed(list, "http://11.0.0.1")).isFalse();
        assertThat(list.refusal(URI.create("http://11.0.0.1"), "target.url")).get().asString()
                .contains("target.url", "11.0.0.1", "10.0.0.0/8");
    }

    @Test
    void oddPrefixLengthsCompareOnlyTheirBits() {
        TargetAllowList list = new TargetAllowList(List.of("172.16.0.0/12"));
        assertThat(allowed(list, "http://172.31.255.255")).isTrue();
        assertThat(allowed(list, "http://172.32.0.1")).isFalse();
    }

    @Test
    void namesAndWildcardsAllowWithoutResolving() {
        TargetAllowList list = new TargetAllowList(List.of("API.example.test", "*.staging.example.test"));
        assertThat(allowed(list, "https://api.example.test/v1")).isTrue();
        assertThat(allowed(list, "https://web.staging.example.test")).isTrue();
        assertThat(allowed(list, "https://staging.example.test.evil.test")).isFalse();
    }

    @Test
    void anUnlistedNameIsAllowedOnlyWhenItResolvesIntoARange() {
        assertThat(allowed(new TargetAllowList(List.of("127.0.0.0/8")), "http://localhost:8080")).isTrue();
        assertThat(allowed(new TargetAllowList(List.of("10.0.0.0/8")), "http://localhost:8080")).isFalse();
        assertThat(new TargetAllowList(List.of("10.0.0.0/8")).refusal(URI.create("http://nowhere.invalid"), "t"))
                .get().asString().contains("cannot be resolved");
    }

    @Test
    void anAddressLiteralIsNeverAllowedByAName() {
        TargetAllowList list = new TargetAllowList(List.of("localhost"));
        assertThat(allowed(list, "http://localhost")).isTrue();
        assertThat(allowed(list, "http://127.0.0.1")).isFalse();
    }

    @Test
    void anEmptyListAllowsNothing() {
        assertThat(new TargetAllowList(List.of()).refusal(URI.create("http://127.0.0.1"), "target.url")).get()
                .asString().contains("allow-list is empty", "onrush.serve.allowed-targets");
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> new TargetAllowList(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new TargetAllowList(List.of("http://x"))).hasMessageContaining("http://x");
    }
}
