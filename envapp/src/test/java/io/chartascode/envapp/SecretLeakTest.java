package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * One realistic environment per name family and value shape, served by the real server and read
 * over HTTP: no secret reaches the body in any form, and what debugging needs still does.
 */
class SecretLeakTest {

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.chartascode.envapp.LeakCase#ALL")
  void noSecretReachesTheBodyAndTheRestStays(LeakCase leak) {
    Map<String, String> env = new HashMap<>(leak.env());
    env.put("HOSTNAME", "envapp-7d9f8c6b5-x2kqp");
    try (InProcessServer app =
        new InProcessServer(Config.fromEnv(leak.env()), env)) {
      HttpResponse<byte[]> response = Http.get(app.uri("/"));

      assertThat(response.statusCode()).isEqualTo(200);
      Leaks.assertNoneIn(response.body(), leak.secrets(), leak.label());
      String body = new String(response.body(), UTF_8);
      for (String kept : leak.kept()) {
        assertThat(body).contains(new String(JsonStringEncoder.getInstance().quoteAsString(kept)));
      }
      assertThat(JsonObjects.parse(response.body()))
          .containsEntry("HOSTNAME", "envapp-7d9f8c6b5-x2kqp");
    }
  }
}
