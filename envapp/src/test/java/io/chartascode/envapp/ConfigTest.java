package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

  @Test
  void defaults() {
    assertThat(Config.defaults())
        .isEqualTo(
            new Config(
                8080, java.util.Set.of(), java.util.Set.of(), 256, 8, Duration.ofSeconds(2), Duration.ofSeconds(10)));
  }

  @Test
  void readsEveryVariable() {
    Config config =
        Config.fromEnv(
            Map.of(
                "PORT", "9090",
                "ENVAPP_REVEAL", " B ,A,, ",
                "ENVAPP_SECRET_ENV", "DB_URL, GREETING",
                "ENVAPP_MAX_IN_FLIGHT", "64",
                "ENVAPP_WORKERS", "4",
                "ENVAPP_SHUTDOWN_DELAY_MS", "0",
                "ENVAPP_SHUTDOWN_GRACE_MS", "1500"));

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.reveal()).containsExactlyInAnyOrder("A", "B");
    assertThat(config.secretEnv()).containsExactlyInAnyOrder("DB_URL", "GREETING");
    assertThat(config.maxInFlight()).isEqualTo(64);
    assertThat(config.workers()).isEqualTo(4);
    assertThat(config.shutdownDelay()).isZero();
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofMillis(1500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "65536", "80.5"})
  void badPortNamesVariableValueAndRange(String port) {
    assertThatThrownBy(() -> Config.fromEnv(Map.of("PORT", port)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PORT must be an integer from 0 to 65535, got '"
                + port
                + "'; perhaps you should unset it to use the default 8080");
  }

  @Test
  void blankMeansDefault() {
    assertThat(Config.fromEnv(Map.of("PORT", " ")).port()).isEqualTo(8080);
  }
}
