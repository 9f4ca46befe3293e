package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretShapeTest {

  private static final String M = Redactor.MASK;

  /** (shape, value, as printed): only the secret part goes. */
  static Stream<Arguments> maskedParts() {
    return Stream.of(
        row(SecretShape.PEM_BLOCK,
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----" + M + "-----END RSA PRIVATE KEY-----"),
        row(SecretShape.PEM_BLOCK,
            "-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----" + M + "-----END PRIVATE KEY-----"),
        row(SecretShape.PEM_BLOCK, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE (cut)",
            "-----BEGIN EC PRIVATE KEY-----" + M),
        row(SecretShape.JWT,
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "Bearer " + M),
        row(SecretShape.WEBHOOK_PATH, "https://hooks.slack.com/services/T0/B0/XYZsecret",
            "https://hooks.slack.com/services/" + M),
        row(SecretShape.WEBHOOK_PATH, "https://discord.com/api/webhooks/1234/abc-DEF_tok",
            "https://discord.com/api/webhooks/" + M),
        row(SecretShape.WEBHOOK_PATH,
            "https://acme.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d",
            "https://acme.webhook.office.com/webhookb2/" + M),
        row(SecretShape.WEBHOOK_PATH, "https://chat.example.com/hooks/xyz123?channel=ops",
            "https://chat.example.com/hooks/" + M + "?channel=ops"),
        row(SecretShape.WEBHOOK_PATH, "https://api.telegram.org/bot123456:AAH-x_y/sendMessage",
            "https://api.telegram.org/bot" + M + "/sendMessage"),
        row(SecretShape.URL_USERINFO, "postgres://u:pw@h/db", "postgres://u:" + M + "@h/db"),
        row(SecretShape.URL_USERINFO, "postgres://u:p@ss@h:5432/db?x=1",
            "postgres://u:" + M + "@h:5432/db?x=1"),
        row(SecretShape.URL_USERINFO, "redis://:pw@cache:6379/0", "redis://:" + M + "@cache:6379/0"),
        row(SecretShape.URL_USERINFO, "a=http://u:1@x,b=https://v:2@y/z",
            "a=http://u:" + M + "@x,b=https://v:" + M + "@y/z"),
        row(SecretShape.URL_USERINFO, "mongodb+srv://u:p%40x@c.example",
            "mongodb+srv://u:" + M + "@c.example"),
        row(SecretShape.URL_USERINFO, "https://abc123pub@o1.ingest.sentry.io/1",
            "https://" + M + "@o1.ingest.sentry.io/1"),
        row(SecretShape.URL_USERINFO, "git+https://ghp_x@github.com/o/r.git",
            "git+https://" + M + "@github.com/o/r.git"),
        row(SecretShape.CREDENTIAL_ATTRIBUTE, "jdbc:postgresql://h/db?user=u&password=jdbcpw",
            "jdbc:postgresql://h/db?user=u&password=" + M),
        row(SecretShape.CREDENTIAL_ATTRIBUTE,
            "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9v+/==;EndpointSuffix=x",
            "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" + M + ";EndpointSuffix=x"),
        row(SecretShape.CREDENTIAL_ATTRIBUTE, "https://a.blob.core.windows.net/c?sv=1&sig=Ab%2B",
            "https://a.blob.core.windows.net/c?sv=1&sig=" + M),
        row(SecretShape.CREDENTIAL_ATTRIBUTE, "Server=h;Database=d;User Id=u;PWD=p,w\"d;Encrypt=1",
            "Server=h;Database=d;User Id=u;PWD=" + M + ";Encrypt=1"),
        row(SecretShape.CREDENTIAL_ATTRIBUTE, "host=db dbname=app password=pw sslmode=require",
            "host=db dbname=app password=" + M + " sslmode=require"),
        row(SecretShape.CREDENTIAL_ATTRIBUTE,
            "PlainLoginModule required username=\"u\" password=\"p w;\";",
            "PlainLoginModule required username=\"u\" password=\"" + M + "\";"),
        row(SecretShape.CREDENTIAL_ATTRIBUTE, "{\"db\":{\"password\": \"p\\\"w\"},\"port\":5432}",
            "{\"db\":{\"password\": \"" + M + "\"},\"port\":5432}"),
        row(SecretShape.CREDENTIAL_ATTRIBUTE, "X-Api-Key: abc123", "X-Api-Key: " + M),
        row(SecretShape.HIGH_ENTROPY_TOKEN, "key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end",
            "key " + M + " end"),
        row(SecretShape.HIGH_ENTROPY_TOKEN, "ghp_16C7e42F292c6912E7710c838347Ae178B4a", M),
        row(SecretShape.HIGH_ENTROPY_TOKEN, "dGhpcyBpcyBhIHNlY3JldCBrZXk1=", M));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("maskedParts")
  void masksOnlyTheSecretPart(SecretShape shape, String value, String printed) {
    assertThat(shape.mask(value)).isEqualTo(printed);
    assertThat(SecretShape.maskAll(value)).isEqualTo(printed);
  }

  @Test
  void everyShapeHasRowsAbove() {
    Set<SecretShape> covered =
        maskedParts().map(a -> (SecretShape) a.get()[0]).collect(Collectors.toSet());

    assertThat(covered).isEqualTo(EnumSet.allOf(SecretShape.class));
  }

  /** Values that hold no secret, or whose look-alike part is what debugging needs. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "http://host:8080/path",
        "ssh://git@github.com/org/repo.git",
        "postgres://app@db:5432/app",
        "host:5432",
        "mailto:a@b.c",
        "a:b@c",
        "jdbc:postgresql://h/db?user=u&sslmode=require",
        "Server=h;Database=d;User Id=u",
        "envapp-7d9f8c6b5-x2kqp",
        "3f2a9c0e1b7d4f6a8c2e0b1d3f5a7c9e1b3d5f7a",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
        "/usr/lib/jvm/temurin-25-jdk-amd64",
        "-XX:InitialRAMPercentage=50 -XX:+UseContainerSupport",
        "17.0.15+6-Debian-1deb12u1",
        "123e4567-e89b-12d3-a456-426614174000",
        "AKIAIOSFODNN7EXAMPLE",
        "password=",
        "https://example.com/hooks"
      })
  void leavesOrdinaryValuesAlone(String value) {
    assertThat(SecretShape.maskAll(value)).isEqualTo(value);
  }

  @Test
  void randomTokensPassTheEntropyBarAndWordsDoNot() {
    assertThat(SecretShape.isHighEntropy("aB3dE5gH7jK9mN1pQ3sT5v")).isTrue();
    assertThat(SecretShape.isHighEntropy("aaaaaaaaaaaaaaaaaaaaB1")).isFalse();
    assertThat(SecretShape.isHighEntropy("InitialRAMPercentage")).as("no digit").isFalse();
  }

  private static Arguments row(SecretShape shape, String value, String printed) {
    return Arguments.of(shape, value, printed);
  }
}
