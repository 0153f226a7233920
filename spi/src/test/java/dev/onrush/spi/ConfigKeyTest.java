package dev.onrush.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigKeyTest {

    @Test
    void keysMadeAsBeforeKindsArePlain() {
        assertThat(ConfigKey.optional("table", ConfigKey.Type.STRING, "t", "a table").kind())
                .isEqualTo(ConfigKey.Kind.PLAIN);
        assertThat(ConfigKey.required("table", ConfigKey.Type.STRING, "a table").isUrl()).isFalse();
        assertThat(new ConfigKey("table", ConfigKey.Type.STRING, null, false, "a table").kind())
                .isEqualTo(ConfigKey.Kind.PLAIN);
    }

    @Test
    void urlKeysAreTextOfKindUrl() {
        ConfigKey endpoint = ConfigKey.url("endpoint", null, "where to send");
        assertThat(endpoint.isUrl()).isTrue();
        assertThat(endpoint.type()).isEqualTo(ConfigKey.Type.STRING);
        assertThat(endpoint.required()).isFalse();
        ConfigKey hook = ConfigKey.requiredUrl("webhook_url", "where to post");
        assertThat(hook.isUrl()).isTrue();
        assertThat(hook.required()).isTrue();
        assertThatThrownBy(() -> new ConfigKey("urls", ConfigKey.Type.LIST, null, false, "d", ConfigKey.Kind.URL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("urls").hasMessageContaining("STRING");
        assertThatThrownBy(() -> new ConfigKey("u", ConfigKey.Type.STRING, null, false, "d", null))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
    }
}
