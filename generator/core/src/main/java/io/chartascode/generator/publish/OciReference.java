package io.chartascode.generator.publish;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where charts are pushed: {@code oci://host[:port][/path]}, as {@code helm push} takes it. A
 * chart {@code shop} then lives in the repository {@code path/shop}, tagged with its version.
 *
 * @param host the registry, with its port if any ({@code ghcr.io}, {@code 127.0.0.1:5000})
 * @param path the namespace inside the registry, without slashes at either end; may be empty
 */
public record OciReference(String host, String path) {
  private static final Pattern PATH = Pattern.compile("([a-z0-9]+([._-][a-z0-9]+)*)(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:]+\\](:[0-9]{1,5})?");

  public OciReference {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
  }

  /** Parses {@code oci://host[:port][/path]}; the message of the exception says what is wrong and what would do. */
  public static OciReference parse(String reference) {
    String example = " (e.g. oci://ghcr.io/my-org/charts or oci://127.0.0.1:5000/charts)";
    if (reference == null || !reference.startsWith("oci://")) {
      throw new IllegalArgumentException("registry '" + reference + "' must start with oci://" + example);
    }
    String rest = reference.substring("oci://".length());
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    if (host.contains("@")) {
      throw new IllegalArgumentException("registry '" + reference.replaceAll("//[^/]*@", "//***@")
          + "' must not carry credentials; put them in ~/.docker/config.json, Helm's registry config or settings.xml");
    }
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("registry '" + reference + "' has no valid host" + example);
    }
    if (!path.isEmpty() && !PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("registry path '" + path + "' is not a valid OCI repository path"
          + " (lower-case letters, digits and . _ - between slashes)" + example);
    }
    return new OciReference(host, path);
  }

  /** The repository of one chart: {@code path/name}. */
  public String repository(String chartName) {
    return path.isEmpty() ? chartName : path + "/" + chartName;
  }

  /** The host without its port. */
  public String hostName() {
    if (host.startsWith("[")) {
      return host.substring(1, host.indexOf(']'));
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** Whether the registry is on this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). */
  public boolean isLoopback() {
    String name = hostName().toLowerCase(Locale.ROOT);
    if (name.equals("localhost")) {
      return true;
    }
    if (!name.matches("[0-9.]+|[0-9a-f:]+")) {
      return false; // never resolve a DNS name to decide this
    }
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The registry's base URI, {@code https://host} or, for plain HTTP, {@code http://host}. */
  public URI baseUri(boolean plainHttp) {
    return URI.create((plainHttp ? "http://" : "https://") + host);
  }

  @Override
  public String toString() {
    return "oci://" + host + (path.isEmpty() ? "" : "/" + path);
  }
}
