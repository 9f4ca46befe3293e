package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  private final Redactor redactor = new Redactor(Set.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PASSWORD",
        "db_password",
        "MYSQL_ROOT_PASSWD",
        "CLIENT_SECRET",
        "GITHUB_TOKEN",
        "API_KEY",
        "apikey",
        "AWS_SECRET_ACCESS_KEY",
        "GOOGLE_APPLICATION_CREDENTIALS",
        "PRIVATE_KEY_PEM",
        "BASIC_AUTH",
        "Authorization",
        "OAuthClient",
        "SSH_AUTH_SOCK"
      })
  void masksValuesOfCredentialNames(String name) {
    assertThat(redactor.redact(name, "s3cr3t value")).isEqualTo(Redactor.MASK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PATH", "HOME", "PORT", "HOSTNAME", "LANG", "KUBERNETES_SERVICE_HOST"})
  void showsOrdinaryNames(String name) {
    assertThat(redactor.redact(name, "plain value")).isEqualTo("plain value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://u:pw@h/db              | postgres://u:******@h/db",
        "postgres://u:p@ss@h:5432/db?x=1   | postgres://u:******@h:5432/db?x=1",
        "redis://:pw@cache:6379/0          | redis://:******@cache:6379/0",
        "amqp://guest:guest@mq             | amqp://guest:******@mq",
        "a=http://u:1@x,b=https://v:2@y/z  | a=http://u:******@x,b=https://v:******@y/z",
        "mongodb+srv://u:p%40x@c.example   | mongodb+srv://u:******@c.example",
      })
  void masksUrlPasswordsInAnyValue(String value, String expected) {
    assertThat(redactor.redact("DATABASE_URL", value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://host:8080/path",
        "https://user@host/x",
        "host:5432",
        "mailto:a@b.c",
        "a:b@c",
        ""
      })
  void leavesUrlsWithoutPasswordsAlone(String value) {
    assertThat(redactor.redact("UPSTREAM", value)).isEqualTo(value);
  }

  @Test
  void revealListShowsChosenNamesVerbatim() {
    Redactor revealing = new Redactor(Set.of("API_KEY", "DB_URL"));

    assertThat(
            revealing.apply(
                Map.of(
                    "API_KEY", "k-123",
                    "DB_URL", "postgres://u:pw@h/db",
                    "OTHER_TOKEN", "t",
                    "OTHER_URL", "postgres://u:pw@h/db")))
        .containsExactly(
            Map.entry("API_KEY", "k-123"),
            Map.entry("DB_URL", "postgres://u:pw@h/db"),
            Map.entry("OTHER_TOKEN", Redactor.MASK),
            Map.entry("OTHER_URL", "postgres://u:******@h/db"));
  }

  @Test
  void revealIsCaseSensitiveLikeEnvironmentNames() {
    assertThat(new Redactor(Set.of("api_key")).redact("API_KEY", "k")).isEqualTo(Redactor.MASK);
  }
}
