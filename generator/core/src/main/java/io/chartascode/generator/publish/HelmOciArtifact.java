package io.chartascode.generator.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.internal.render.helm.ChartYaml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chart as Helm stores it in an OCI registry: a config blob (the chart's metadata as JSON), one
 * layer (the archive) and an OCI image manifest that names both, with Helm's media types.
 *
 * <p>Nothing here depends on time or place, so the same archive gives the same manifest digest on
 * every push: the manifest's annotations are the chart's title and version, and
 * never a creation time ({@code org.opencontainers.image.created}).
 */
public final class HelmOciArtifact {
  public static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
  public static final String CHART_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

  /** The JSON field order of Helm's {@code chart.Metadata}, which {@code helm push} writes as the config. */
  private static final List<String> HELM_CONFIG_ORDER =
      List.of("name", "home", "sources", "version", "description", "keywords", "maintainers", "icon",
          "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion",
          "dependencies", "type");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChartArchive archive;
  private final byte[] config;
  private final byte[] manifest;

  private HelmOciArtifact(ChartArchive archive, byte[] config) {
    this.archive = archive;
    this.config = config;
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_MEDIA_TYPE);
    manifest.put("config", descriptor(CONFIG_MEDIA_TYPE, config));
    manifest.put("layers", List.of(descriptor(CHART_MEDIA_TYPE, archive.bytes())));
    manifest.put("annotations", new TreeMap<>(Map.of(
        "org.opencontainers.image.title", archive.name(),
        "org.opencontainers.image.version", archive.version())));
    this.manifest = json(manifest);
  }

  /** The artifact of an application's archive; the config is its {@code Chart.yaml} as JSON. */
  public static HelmOciArtifact of(Application app, ChartArchive archive) {
    if (!app.name().equals(archive.name()) || !app.chartVersion().equals(archive.version())) {
      throw new IllegalArgumentException(archive.fileName() + " is not the archive of " + app.name() + " " + app.chartVersion());
    }
    Map<String, Object> fields = ChartYaml.fields(app);
    Map<String, Object> config = new LinkedHashMap<>();
    for (String key : HELM_CONFIG_ORDER) {
      if (fields.containsKey(key)) {
        config.put(key, fields.get(key));
      }
    }
    return new HelmOciArtifact(archive, json(config));
  }

  public ChartArchive archive() {
    return archive;
  }

  public byte[] config() {
    return config.clone();
  }

  public String configDigest() {
    return Digest.of(config);
  }

  public byte[] manifest() {
    return manifest.clone();
  }

  /** The digest a registry names this chart version by, and {@code helm pull} prints. */
  public String manifestDigest() {
    return Digest.of(manifest);
  }

  private static Map<String, Object> descriptor(String mediaType, byte[] blob) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", Digest.of(blob));
    d.put("size", blob.length);
    return d;
  }

  private static byte[] json(Object tree) {
    try {
      return JSON.writeValueAsString(Objects.requireNonNull(tree)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
