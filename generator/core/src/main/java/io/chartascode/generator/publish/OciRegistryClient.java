package io.chartascode.generator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Pushes Helm charts to an OCI registry with the distribution API, over {@link HttpClient}.
 *
 * <p>A push, in this order: read the tag; if it exists with the same manifest digest, stop ("no-op");
 * if it exists with another, fail naming both digests (a published chart version is immutable).
 * Otherwise upload the config and the archive (each skipped when the registry has that blob;
 * {@code POST} then {@code PUT ?digest=}), and only then {@code PUT} the manifest under the version
 * tag. A failure before the manifest leaves only unreferenced blobs, which no tag names and the
 * registry's garbage collection removes: nothing is half-pushed.
 *
 * <p>Authentication follows the registry's {@code WWW-Authenticate} challenge: {@code Basic} sends
 * the credentials; {@code Bearer realm=...,service=...} fetches a token from the realm for {@code
 * repository:<repo>:pull,push} (with the credentials, if any) and sends that. Credentials and
 * tokens never appear in messages.
 *
 * <p>HTTPS unless {@code plainHttp}; {@link #plainHttpAllowed} says when that is acceptable.
 */
public final class OciRegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");
  private static final String ACCEPT_MANIFESTS = HelmOciArtifact.MANIFEST_MEDIA_TYPE
      + ", application/vnd.docker.distribution.manifest.v2+json";

  private final OciReference registry;
  private final Optional<Credentials> credentials;
  private final URI base;
  private final HttpClient http;
  private final Consumer<String> debug;
  private String authorization;

  /**
   * @param plainHttp use {@code http://}; only for a loopback registry or when the user asked
   * @param debug receives one line per request (method, URL, status); never a header
   */
  public OciRegistryClient(OciReference registry, Optional<Credentials> credentials, boolean plainHttp,
      Duration timeout, Consumer<String> debug) {
    this.registry = registry;
    this.credentials = credentials;
    this.base = registry.baseUri(plainHttp);
    this.debug = debug;
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Plain HTTP is used for a loopback registry, or anywhere when the user asks explicitly. */
  public static boolean plainHttpAllowed(OciReference registry, boolean explicitlyAsked) {
    return explicitlyAsked || registry.isLoopback();
  }

  public PushResult push(HelmOciArtifact artifact) {
    ChartArchive archive = artifact.archive();
    String repository = registry.repository(archive.name());
    String reference = registry + "/" + archive.name() + ":" + archive.version();
    String ours = artifact.manifestDigest();
    Optional<String> theirs = existingManifestDigest(repository, archive.version());
    if (theirs.isPresent()) {
      if (theirs.get().equals(ours)) {
        return new PushResult(reference, ours, false);
      }
      throw new RegistryException(reference + " already exists with different content: the registry has "
          + theirs.get() + ", this build made " + ours + ". A published chart version must not change; "
          + "raise the chart version in the model (Application.builder(...).chartVersion(...)), "
          + "regenerate, and push again.");
    }
    uploadBlob(repository, artifact.config());
    uploadBlob(repository, archive.bytes());
    HttpResponse<byte[]> put = send(repository, "PUT", path(repository, "manifests/" + archive.version()),
        HttpRequest.BodyPublishers.ofByteArray(artifact.manifest()), Map.of("Content-Type", HelmOciArtifact.MANIFEST_MEDIA_TYPE));
    expect(put, 201, "storing the manifest of " + reference);
    put.headers().firstValue("Docker-Content-Digest").filter(d -> !d.equals(ours)).ifPresent(d -> {
      throw new RegistryException("the registry stored the manifest of " + reference + " as " + d + ", not " + ours);
    });
    return new PushResult(reference, ours, true);
  }

  /** The manifest digest under {@code tag}, or empty when the registry has no such tag (or repository). */
  public Optional<String> existingManifestDigest(String repository, String tag) {
    HttpResponse<byte[]> get = send(repository, "GET", path(repository, "manifests/" + tag),
        HttpRequest.BodyPublishers.noBody(), Map.of("Accept", ACCEPT_MANIFESTS));
    if (get.statusCode() == 404) {
      return Optional.empty();
    }
    expect(get, 200, "reading " + registry + "/" + repository + ":" + tag);
    return Optional.of(Digest.of(get.body()));
  }

  private void uploadBlob(String repository, byte[] blob) {
    String digest = Digest.of(blob);
    HttpResponse<byte[]> head = send(repository, "HEAD", path(repository, "blobs/" + digest),
        HttpRequest.BodyPublishers.noBody(), Map.of());
    if (head.statusCode() == 200) {
      debug.accept("blob " + digest + " is already in " + repository);
      return;
    }
    HttpResponse<byte[]> start = send(repository, "POST", path(repository, "blobs/uploads/"),
        HttpRequest.BodyPublishers.noBody(), Map.of());
    expect(start, 202, "starting the upload of " + digest);
    String location = start.headers().firstValue("Location").orElseThrow(() ->
        new RegistryException("the registry started an upload without a Location header; it does not follow the OCI distribution API"));
    URI upload = start.uri().resolve(location);
    String separator = upload.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(upload + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
    HttpResponse<byte[]> done = send(repository, "PUT", put, HttpRequest.BodyPublishers.ofByteArray(blob),
        Map.of("Content-Type", "application/octet-stream"));
    expect(done, 201, "uploading " + digest);
  }

  private URI path(String repository, String rest) {
    return base.resolve("/v2/" + repository + "/" + rest);
  }

  /** Sends once; on 401 answers the challenge and sends again. */
  private HttpResponse<byte[]> send(String repository, String method, URI uri, HttpRequest.BodyPublisher body,
      Map<String, String> headers) {
    HttpResponse<byte[]> response = sendOnce(method, uri, body, headers);
    if (response.statusCode() == 401) {
      authorization = answer(repository, response);
      response = sendOnce(method, uri, body, headers);
      if (response.statusCode() == 401) {
        throw new RegistryException(registry.host() + " refused the credentials" + credentialsSource()
            + " (401 for " + method + " " + stripQuery(uri) + "); log in again (helm registry login "
            + registry.host() + ") or fix the <server> in settings.xml");
      }
    }
    if (response.statusCode() == 403) {
      throw new RegistryException(registry.host() + " denied " + method + " " + stripQuery(uri) + " (403)"
          + credentialsSource() + "; the account needs push rights on " + repository + registryError(response));
    }
    return response;
  }

  private HttpResponse<byte[]> sendOnce(String method, URI uri, HttpRequest.BodyPublisher body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body).timeout(Duration.ofMinutes(2));
    headers.forEach(request::header);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      debug.accept(method + " " + stripQuery(uri) + " -> " + response.statusCode());
      return response;
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new RegistryException("cannot reach the registry " + registry + " at " + base + " (" + describe(e)
          + "); is it running, and is chartascode.registry right? Nothing was pushed.", e);
    } catch (HttpTimeoutException e) {
      throw new RegistryException("the registry " + registry + " did not answer " + method + " " + stripQuery(uri)
          + " in time; nothing was tagged, try again", e);
    } catch (SSLException e) {
      throw new RegistryException("TLS with " + base + " failed (" + e.getMessage() + "). If the registry speaks plain"
          + " HTTP, set chartascode.registry.plainHttp=true (only on a network you trust).", e);
    } catch (IOException e) {
      throw new RegistryException(method + " " + stripQuery(uri) + " failed: " + describe(e)
          + (registry.isLoopback() ? "" : ". If the registry speaks plain HTTP, set chartascode.registry.plainHttp=true"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while talking to " + registry, e);
    }
  }

  /** The Authorization header that answers a 401's challenge. */
  private String answer(String repository, HttpResponse<byte[]> unauthorized) {
    String challenge = unauthorized.headers().firstValue("WWW-Authenticate").orElse("");
    String scheme = challenge.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    if (scheme.equals("basic")) {
      return credentials.map(Credentials::basicAuthorization).orElseThrow(this::loginNeeded);
    }
    if (!scheme.equals("bearer")) {
      throw new RegistryException(registry.host() + " asks for authentication the client does not know ('"
          + scheme + "'); it supports Basic and Bearer");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null) {
      throw new RegistryException(registry.host() + " sent a Bearer challenge without a realm");
    }
    StringBuilder query = new StringBuilder();
    if (params.containsKey("service")) {
      query.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
    }
    query.append("scope=").append(URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8));
    URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).GET().timeout(Duration.ofMinutes(1));
    credentials.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RegistryException("cannot get a token from " + stripQuery(tokenUri) + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while getting a token from " + stripQuery(tokenUri), e);
    }
    debug.accept("GET " + stripQuery(tokenUri) + " -> " + response.statusCode());
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw credentials.isPresent()
          ? new RegistryException("the token service " + stripQuery(tokenUri) + " refused the credentials"
              + credentialsSource() + " (" + response.statusCode() + "); log in again (helm registry login "
              + registry.host() + ")")
          : loginNeeded();
    }
    if (response.statusCode() != 200) {
      throw new RegistryException("the token service " + stripQuery(tokenUri) + " answered " + response.statusCode());
    }
    try {
      JsonNode json = JSON.readTree(response.body());
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new RegistryException("the token service " + stripQuery(tokenUri) + " sent no token");
      }
      return "Bearer " + token;
    } catch (IOException e) {
      throw new RegistryException("the token service " + stripQuery(tokenUri) + " did not answer JSON");
    }
  }

  private RegistryException loginNeeded() {
    return new RegistryException(registry.host() + " requires a login and no credentials were found for it; run "
        + "`helm registry login " + registry.host() + "` (or docker login), or add a <server> with <id>"
        + registry.host() + "</id> to ~/.m2/settings.xml");
  }

  private String credentialsSource() {
    return credentials.map(c -> " (user " + c.username() + " from " + c.source() + ")").orElse(" (no credentials)");
  }

  private void expect(HttpResponse<byte[]> response, int status, String doing) {
    if (response.statusCode() != status) {
      throw new RegistryException(doing + " failed: " + response.request().method() + " "
          + stripQuery(response.uri()) + " answered " + response.statusCode() + registryError(response)
          + ". Nothing was tagged.");
    }
  }

  /** The OCI error body, {@code {"errors":[{"code":..,"message":..}]}}, as one line. */
  private static String registryError(HttpResponse<byte[]> response) {
    try {
      JsonNode errors = JSON.readTree(response.body()).path("errors");
      StringBuilder out = new StringBuilder();
      for (JsonNode e : errors) {
        out.append(out.length() == 0 ? ": " : "; ").append(e.path("code").asText()).append(' ').append(e.path("message").asText());
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Upload URLs carry state (and sometimes signatures) in the query; messages leave it out. */
  private static String stripQuery(URI uri) {
    String s = uri.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
