package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random secrets, written into each shape the way real values carry them, never reach the body of
 * the real server. A failure names its seed; {@code -Denvapp.seed=N} replays it.
 */
class SecretPropertyTest {

  /** Environments per run; {@code -Denvapp.rounds=N} for a longer search. */
  private static final int ROUNDS = Integer.getInteger("envapp.rounds", 60);

  /** A value as a shape carries it, and the secrets written into it. */
  record Placed(String value, List<String> secrets) {}

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE64URL = ALNUM + "-_";
  private static final List<String> QUERY_KEYS =
      List.of("password", "token", "access_token", "api_key", "sig", "secret", "client_secret");
  /** Where webhook URLs carry their secret: %d is an id, %s the secret. */
  private static final List<String> WEBHOOKS =
      List.of(
          "https://hooks.slack.com/services/T0X/B%d/%s",
          "https://discord.com/api/webhooks/%d/%s",
          "https://api.telegram.org/bot%d:%s/getMe");
  private static final List<String> ATTRIBUTE_KEYS =
      List.of("Password", "PWD", "AccountKey", "SharedAccessKey", "Token", "pwd");

  /** One generator per shape (and per common spelling of it), each given the round's Random. */
  private static final Map<String, Function<Random, Placed>> SHAPES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "url password",
                  r -> {
                    String secret = printable(r, 8, 24);
                    return placed(
                        "postgres://app:" + percentEncode(secret) + "@db-" + r.nextInt(9)
                            + ":5432/app?sslmode=require",
                        secret);
                  }),
              Map.entry(
                  "url key as user",
                  r -> {
                    String secret = chars(r, "abcdef0123456789", 12, 32);
                    return placed("https://" + secret + "@o1.ingest.sentry.io/42", secret);
                  }),
              Map.entry(
                  "query attribute",
                  r -> {
                    String secret = printable(r, 8, 24);
                    return placed(
                        "https://api.example.com/v1?a=1&" + pick(r, QUERY_KEYS) + "="
                            + percentEncode(secret) + "&b=2",
                        secret);
                  }),
              Map.entry(
                  "connection string attribute",
                  r -> {
                    String secret = chars(r, without(printableAscii(), ";\"' "), 8, 24);
                    return placed(
                        "Server=tcp:db,1433;" + pick(r, ATTRIBUTE_KEYS) + "=" + secret
                            + ";Database=app",
                        secret);
                  }),
              Map.entry(
                  "libpq attribute",
                  r -> {
                    String secret = chars(r, without(printableAscii(), "\"' "), 8, 24);
                    return placed("host=pg port=5432 password=" + secret + " sslmode=require", secret);
                  }),
              Map.entry(
                  "quoted attribute (JAAS or JSON)",
                  r -> {
                    String secret = printable(r, 8, 24);
                    boolean json = r.nextBoolean();
                    String escaped =
                        json
                            ? new String(JsonStringEncoder.getInstance().quoteAsString(secret))
                            : secret.replace("\\", "\\\\").replace("\"", "\\\"");
                    String value =
                        json
                            ? "{\"db\":{\"user\":\"app\",\"password\":\"" + escaped + "\"}}"
                            : "PlainLoginModule required username=\"svc\" password=\"" + escaped + "\";";
                    return new Placed(value, List.of(secret, escaped));
                  }),
              Map.entry(
                  "webhook path",
                  r -> {
                    String secret = chars(r, BASE64URL, 24, 68);
                    return placed(String.format(pick(r, WEBHOOKS), r.nextInt(1_000_000), secret), secret);
                  }),
              Map.entry(
                  "JWT",
                  r -> {
                    String payload = base64Url("{\"sub\":\"" + chars(r, ALNUM, 8, 20) + "\"}");
                    String signature = chars(r, BASE64URL, 43, 43);
                    return new Placed(
                        "Bearer " + base64Url("{\"alg\":\"HS256\"}") + "." + payload + "." + signature,
                        List.of(payload, signature));
                  }),
              Map.entry(
                  "PEM block",
                  r -> {
                    List<String> lines = new ArrayList<>();
                    for (int i = 1 + r.nextInt(4); i > 0; i--) {
                      lines.add(chars(r, ALNUM + "+/", 64, 64));
                    }
                    return new Placed(
                        "-----BEGIN PRIVATE KEY-----\n" + String.join("\n", lines)
                            + "\n-----END PRIVATE KEY-----\n",
                        lines);
                  }),
              Map.entry(
                  "high-entropy token",
                  r -> {
                    String secret = token(r, 24 + r.nextInt(41));
                    return placed("region=eu-west-1 key " + secret + " (rotated)", secret);
                  })));

  @Test
  void randomSecretsInEveryShapeNeverReachTheBody() {
    long seed = Long.getLong("envapp.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      Map<String, String> env = new TreeMap<>();
      Map<String, List<String>> secrets = new TreeMap<>();
      int n = 0;
      for (Map.Entry<String, Function<Random, Placed>> shape : SHAPES.entrySet()) {
        Placed placed = shape.getValue().apply(random);
        String name = String.format("VALUE_%02d", n++); // says nothing: only the shape can tell
        env.put(name, placed.value());
        secrets.put(shape.getKey(), placed.secrets());
      }
      try (InProcessServer app = new InProcessServer(Config.defaults(), env)) {
        HttpResponse<byte[]> response = Http.get(app.uri("/"));

        assertThat(response.statusCode()).isEqualTo(200);
        for (Map.Entry<String, List<String>> shape : secrets.entrySet()) {
          Leaks.assertNoneIn(
              response.body(),
              shape.getValue(),
              String.format(
                  "%s, round %d of seed %d (replay: -Denvapp.seed=%d); environment %s",
                  shape.getKey(), round, seed, seed, env));
        }
      }
    }
  }

  private static Placed placed(String value, String secret) {
    return new Placed(value, List.of(secret));
  }

  private static String printableAscii() {
    StringBuilder all = new StringBuilder();
    for (char c = ' '; c <= '~'; c++) {
      all.append(c);
    }
    return all.toString();
  }

  private static String printable(Random r, int min, int max) {
    return chars(r, printableAscii(), min, max);
  }

  private static String without(String alphabet, String excluded) {
    return alphabet.chars()
        .filter(c -> excluded.indexOf(c) < 0)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  private static String chars(Random r, String alphabet, int min, int max) {
    int length = min + r.nextInt(max - min + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Random base64 with at least one upper-case letter, lower-case letter and digit. */
  private static String token(Random r, int length) {
    StringBuilder out = new StringBuilder(chars(r, ALNUM + "+/", length, length));
    String[] classes = {"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789"};
    for (int i = 0; i < classes.length; i++) {
      out.setCharAt(i * (length / 3) + r.nextInt(length / 3), pick(r, classes[i]));
    }
    return out.toString();
  }

  private static char pick(Random r, String alphabet) {
    return alphabet.charAt(r.nextInt(alphabet.length()));
  }

  private static String pick(Random r, List<String> choices) {
    return choices.get(r.nextInt(choices.size()));
  }

  /** RFC 3986: every byte but the unreserved characters as %XX, as a URL must carry it. */
  private static String percentEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(UTF_8)) {
      char c = (char) (b & 0xff);
      if (ALNUM.indexOf(c) >= 0 || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }
}
