package io.chartascode.generator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token flow of ghcr.io, Docker Hub, Harbor and the like, against a stand-in: every registry
 * call without the token gets 401 with a Bearer challenge; the realm hands out the token for the
 * right Basic credentials and scope only. (The real registry in ChartPublishingTest covers Basic.)
 */
class BearerTokenFlowTest {
  private static final String TOKEN = "t0k3n-for-tests";
  private HttpServer server;
  private final List<String> tokenRequests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, byte[]> blobs = Collections.synchronizedMap(new TreeMap<>());
  private volatile byte[] manifest;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String realm = "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    server.createContext("/token", ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      tokenRequests.add(ex.getRequestURI().getQuery());
      boolean ok = new Credentials("robot", "s3cret", "").basicAuthorization().equals(auth)
          && ex.getRequestURI().getQuery().equals("service=stub-registry&scope=repository:charts/shop:pull,push");
      respond(ex, ok ? 200 : 401, ok ? "{\"token\":\"" + TOKEN + "\"}" : "{}", Map.of());
    });
    server.createContext("/v2/", ex -> {
      if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        respond(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
            Map.of("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"stub-registry\",scope=\"repository:charts/shop:pull\""));
        return;
      }
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if (path.endsWith("/manifests/1.0.0") && method.equals("GET")) {
        respond(ex, manifest == null ? 404 : 200, manifest == null ? "{}" : new String(manifest, StandardCharsets.UTF_8), Map.of());
      } else if (path.contains("/blobs/sha256:") && method.equals("HEAD")) {
        respond(ex, blobs.containsKey(path.substring(path.lastIndexOf('/') + 1)) ? 200 : 404, "", Map.of());
      } else if (path.endsWith("/blobs/uploads/") && method.equals("POST")) {
        respond(ex, 202, "", Map.of("Location", "/v2/charts/shop/blobs/uploads/u1?state=abc"));
      } else if (path.endsWith("/blobs/uploads/u1") && method.equals("PUT")) {
        String digest = ex.getRequestURI().getQuery().replaceFirst(".*digest=", "");
        blobs.put(digest, ex.getRequestBody().readAllBytes());
        respond(ex, 201, "", Map.of());
      } else if (path.endsWith("/manifests/1.0.0") && method.equals("PUT")) {
        manifest = ex.getRequestBody().readAllBytes();
        respond(ex, 201, "", Map.of("Docker-Content-Digest", Digest.of(manifest)));
      } else {
        respond(ex, 400, "{}", Map.of());
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
    headers.forEach(ex.getResponseHeaders()::add);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") || bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0 && !ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  private OciRegistryClient client(Optional<Credentials> credentials, List<String> debug) {
    OciReference ref = OciReference.parse("oci://127.0.0.1:" + server.getAddress().getPort() + "/charts");
    return new OciRegistryClient(ref, credentials, true, Duration.ofSeconds(5), debug::add);
  }

  private static HelmOciArtifact artifact() {
    ChartArchive archive = ChartArchive.of("shop", "1.0.0", new TreeMap<>(Map.of("Chart.yaml", "name: shop\nversion: 1.0.0\n")));
    return HelmOciArtifact.of(io.chartascode.generator.TestApplications.shop().chartVersion("1.0.0").build(), archive);
  }

  @Test
  void theTokenFromTheRealmOpensTheRegistryAndNeverShows() {
    List<String> debug = new ArrayList<>();
    HelmOciArtifact artifact = artifact();
    PushResult result = client(Optional.of(new Credentials("robot", "s3cret", "test")), debug).push(artifact);
    assertThat(result.pushed()).isTrue();
    assertThat(manifest).isEqualTo(artifact.manifest());
    assertThat(blobs).containsOnlyKeys(artifact.configDigest(), artifact.archive().digest());
    assertThat(blobs.get(artifact.archive().digest())).isEqualTo(artifact.archive().bytes());
    assertThat(tokenRequests).hasSize(1);
    assertThat(String.join("\n", debug)).contains("/token -> 200").doesNotContain(TOKEN, "s3cret", "state=abc");
  }

  @Test
  void withoutCredentialsTheMessageSaysHowToLogIn() {
    assertThatThrownBy(() -> client(Optional.empty(), new ArrayList<>()).push(artifact()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("requires a login and no credentials were found")
        .hasMessageContaining("helm registry login 127.0.0.1:");
    assertThat(manifest).isNull();
  }

  @Test
  void wrongCredentialsAreRefusedByTheTokenServiceAndNothingIsTagged() {
    assertThatThrownBy(() -> client(Optional.of(new Credentials("robot", "wrong", "settings.xml <server> x")), new ArrayList<>()).push(artifact()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("refused the credentials (user robot from settings.xml <server> x) (401)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong"));
    assertThat(manifest).isNull();
  }
}
