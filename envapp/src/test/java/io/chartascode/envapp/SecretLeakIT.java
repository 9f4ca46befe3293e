package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every environment of {@link LeakCase} at once, as the real process environment of the packaged
 * jar: the body and the log hold no secret, and the reveal warning names names, never values.
 */
class SecretLeakIT {

  @Test
  void theWholeTableThroughARealProcessLeaksNothing(@TempDir Path tmp) throws Exception {
    Map<String, String> env = new HashMap<>();
    List<String> secrets = new ArrayList<>();
    for (LeakCase leak : LeakCase.ALL) {
      env.putAll(leak.env());
      secrets.addAll(leak.secrets());
    }
    env.put("ENVAPP_REVEAL", "GREETING,SESSION_TIMEOUT");
    env.put("PORT", "0");
    env.put("LC_ALL", "C.UTF-8");
    env.put("HOME", tmp.toString()); // nothing of the test machine's own
    env.put("TMPDIR", tmp.toString());

    try (ChildEnvApp app = ChildEnvApp.start(ChildEnvApp.javaCommand(), env).awaitStarted()) {
      HttpResponse<byte[]> response = Http.get(app.uri("/"));

      assertThat(response.statusCode()).isEqualTo(200);
      Leaks.assertNoneIn(response.body(), secrets, "GET / of the packaged jar");
      Leaks.assertNoneIn(String.join("\n", app.stdout()).getBytes(UTF_8), secrets, "its log");
      assertThat(JsonObjects.parse(response.body()))
          .containsEntry("GREETING", Redactor.MASK)
          .containsEntry("SESSION_TIMEOUT", "45m")
          .containsEntry("PWD", "/srv/app");
      assertThat(app.stdout())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("\"level\":\"WARN\"", "\"event\":\"reveal\"")
                      .contains("prints SESSION_TIMEOUT unmasked", "GREETING stay masked"));
    }
  }
}
