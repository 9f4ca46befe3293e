package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {

  private static final byte[] ENV = "{\"A\":\"1\"}\n".getBytes(UTF_8);

  private final Readiness readiness = new Readiness();
  private final Router router = new Router(ENV, readiness);

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "GET,     /,          200",
    "HEAD,    /,          200",
    "GET,     /healthz,   200",
    "HEAD,    /healthz,   200",
    "GET,     /readyz,    200",
    "GET,     /nope,      404",
    "GET,     '',         404",
    "GET,     /healthz/,  404",
    "GET,     //,         404",
    "GET,     /HEALTHZ,   404",
    "POST,    /nope,      404",
    "POST,    /,          405",
    "PUT,     /healthz,   405",
    "DELETE,  /readyz,    405",
    "OPTIONS, /,          405",
    "TRACE,   /,          405",
    "get,     /,          405",
  })
  void routes(String method, String path, int status) {
    Response response = router.route(plain(method, path));

    assertThat(response.status()).isEqualTo(status);
    if (status == 405) {
      assertThat(response.headers()).containsEntry("Allow", "GET, HEAD");
    }
  }

  @Test
  void rootServesTheRenderedEnvironment() {
    assertThat(router.route(plain("GET", "/")).body()).isEqualTo(ENV);
  }

  @Test
  void readinessTurns503WhenDrainingWhileLivenessStays200() {
    readiness.markDraining();

    assertThat(router.route(plain("GET", "/readyz")).status()).isEqualTo(503);
    assertThat(router.route(plain("GET", "/healthz")).status()).isEqualTo(200);
    assertThat(router.route(plain("GET", "/")).status()).isEqualTo(200);
  }

  @Test
  void aBodyIsRefusedWith413AndTheConnectionClosed() {
    Response response = router.route(new RequestHead("GET", "/", 100, true, true));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.headers()).containsEntry("Connection", "close");
  }

  @Test
  void anOversizedHeadIsRefusedWith431BeforeRouting() {
    Response response =
        router.route(new RequestHead("GET", "/nope", Router.MAX_HEAD_BYTES + 1, false, true));

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.headers()).containsEntry("Connection", "close");
    assertThat(
            router.route(new RequestHead("GET", "/", Router.MAX_HEAD_BYTES, false, true)).status())
        .isEqualTo(200);
  }

  @Test
  void aMalformedHeaderIs400() {
    Response response = router.route(new RequestHead("GET", "/", 100, false, false));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers()).containsEntry("Connection", "close");
  }

  @Test
  void errorsAreSmallJsonWithoutDetails() {
    Response response = router.route(plain("POST", "/"));

    assertThat(JsonObjects.parse(response.body())).isEqualTo(Map.of("error", "method not allowed"));
  }

  /** A small, well-formed request without a body. */
  private static RequestHead plain(String method, String path) {
    return new RequestHead(method, path, 100, false, true);
  }
}
