package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

  /** Per family, names as they appear in real deployments, in the family's spellings. */
  static final Map<String, List<String>> NAMES_BY_FAMILY =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "password",
                  List.of(
                      "DB_PASS", "SMTP_PASS", "RABBITMQ_DEFAULT_PASS", "DB_PASSWORD",
                      "MYSQL_ROOT_PASSWD", "MYSQL_PWD", "GPG_PASSPHRASE", "dbPassword", "PW",
                      "SPRING_DATASOURCE_PASSWORD_FILE")),
              Map.entry(
                  "token",
                  List.of("GITHUB_TOKEN", "ACCESSTOKEN", "accessToken", "NPM_TOKENS", "VAULT_TOKEN2")),
              Map.entry("secret", List.of("CLIENT_SECRET", "JWT_SECRET", "SECRETS", "clientSecret")),
              Map.entry(
                  "key",
                  List.of("API_KEY", "apikey", "APIKey", "STRIPE_API_KEY", "SSH_KEYS", "s3Key")),
              Map.entry(
                  "credential",
                  List.of("GOOGLE_APPLICATION_CREDENTIALS", "AWS_CREDS", "DOCKER_CRED")),
              Map.entry(
                  "auth",
                  List.of("BASIC_AUTH", "OAuthClient", "HTTP_AUTHORIZATION", "SSH_AUTH_SOCK")),
              Map.entry("cookie", List.of("SESSION_COOKIE", "COOKIES", "csrfCookie")),
              Map.entry("session", List.of("SESSION", "FLASK_SESSION", "SESSION_ID", "sessionId")),
              Map.entry("signature", List.of("REQUEST_SIGNATURE", "HMAC_SIG", "X-Amz-Signature")),
              Map.entry("private", List.of("SSH_PRIVATE", "PRIVATE_PEM")),
              Map.entry("dsn", List.of("SENTRY_DSN", "DSN", "PGDSN")),
              Map.entry("webhook", List.of("SLACK_WEBHOOK", "WEBHOOK_URL", "teamsWebhookUrl")),
              Map.entry(
                  "connection string",
                  List.of(
                      "AZURE_STORAGE_CONNECTION_STRING",
                      "ConnectionStrings__Default",
                      "DB_CONNSTR",
                      "SERVICEBUS_CONN_STR"))));

  static Stream<Arguments> familyNames() {
    return NAMES_BY_FAMILY.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(name -> Arguments.of(e.getKey(), name)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("familyNames")
  void eachFamilyClaimsItsNames(String family, String name) {
    assertThat(SecretNames.family(name)).isNotNull();
    assertThat(SecretNames.family(name).id()).isEqualTo(family);
    assertThat(SecretNames.isSecretVariable(name)).isTrue();
  }

  @Test
  void everyFamilyHasItsOwnRowsAbove() {
    assertThat(SecretNames.FAMILIES.stream().map(SecretNames.Family::id))
        .containsExactlyInAnyOrderElementsOf(NAMES_BY_FAMILY.keySet());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"db_pass", "db-pass", "DB-PASS", "dbPass", "Db.Pass", "DB__PASS", "-DB_PASS-"})
  void separatorsAndCaseDoNotMatter(String name) {
    assertThat(SecretNames.words(name)).isEqualTo("_DB_PASS_");
    assertThat(SecretNames.isSecretVariable(name)).isTrue();
  }

  /** Names that only look like a family: masking them would hide what debugging needs. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "PWD", // the shell's working directory
        "OLDPWD",
        "AUTHOR",
        "AUTHORITY_URL",
        "KEYBOARD_LAYOUT",
        "KEYCLOAK_URL",
        "TOKENIZERS_PARALLELISM",
        "SESSION_TIMEOUT",
        "SESSION_STORE",
        "PROXY_BYPASS",
        "COMPASS_URL",
        "PASSENGER_APP_ENV",
        "PATH",
        "HOME",
        "HOSTNAME",
        "PORT",
        "KUBERNETES_SERVICE_HOST",
        "DATABASE_URL",
        "LANG"
      })
  void wordBoundariesKeepLookAlikesVisible(String name) {
    assertThat(SecretNames.isSecretVariable(name)).as(name).isFalse();
  }

  @Test
  void theShellsPwdIsShownButPwdAsAKeyInsideAValueIsACredential() {
    assertThat(SecretNames.isSecretVariable("PWD")).isFalse();
    assertThat(SecretNames.isSecretKey("PWD")).isTrue();
  }

  /** The price of word-end matching, kept on purpose: cheaper than a leaked key. */
  @ParameterizedTest
  @ValueSource(strings = {"MONKEY", "SSH_AUTH_SOCK", "AWS_ACCESS_KEY_ID", "TOKEN_URL"})
  void someLookAlikesAreMaskedOnPurpose(String name) {
    assertThat(SecretNames.isSecretVariable(name)).isTrue();
  }
}
