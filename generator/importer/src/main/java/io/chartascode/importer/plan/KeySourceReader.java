package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.internal.k8s.ConfigMapHash;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pod's references to ConfigMaps and Secrets as the model's {@code Configuration} and
 * {@code SecretReference}, where the model would render them exactly so:
 *
 * <ul>
 *   <li>a ConfigMap of the input named {@code <app>-<name>-<hash>}, whose hash is Kustomize's
 *       content hash of its data (a {@code configMapGenerator}'s output, or this generator's),
 *       with text data only, becomes a configuration named {@code <name>};
 *   <li>a Secret the pod reads by {@code secretKeyRef}, {@code envFrom} or a volume of mode 0400
 *       becomes a reference to it, with the keys the pod reads.
 * </ul>
 *
 * References it cannot express that way (an optional one, a volume item with another path or
 * mode, a ConfigMap named otherwise) stay as the input wrote them.
 */
final class KeySourceReader {
  private static final int SECRET_FILE_MODE = 0400;

  private final String appName;
  private final Map<String, InputObject> configMaps = new LinkedHashMap<>();
  private final Names names;
  private final Map<String, KeySourcePlan> sources = new LinkedHashMap<>();
  private final Map<String, SortedMap<String, String>> secretKeys = new LinkedHashMap<>();
  private final List<InputObject> used = new ArrayList<>();

  KeySourceReader(String appName, List<InputObject> objects, Names names) {
    this.appName = appName;
    this.names = names;
    objects.stream().filter(o -> o.kind().equals(HasMetadata.getKind(ConfigMap.class))).forEach(o -> configMaps.put(o.name(), o));
  }

  /** {@code configMapKeyRef} or {@code secretKeyRef}, as a key of a source. */
  Optional<KeySourcePlan.KeyRef> envKey(String variable, JsonNode valueFrom) {
    if (valueFrom.size() != 1) {
      return Optional.empty();
    }
    JsonNode configMap = valueFrom.path("configMapKeyRef");
    if (onlyFields(configMap, "name", "key")) {
      return configuration(configMap.path("name").asText())
          .filter(c -> ((KeySourcePlan.ConfigurationPlan) c).data().containsKey(configMap.path("key").asText()))
          .map(c -> new KeySourcePlan.KeyRef(c, configMap.path("key").asText()));
    }
    JsonNode secret = valueFrom.path("secretKeyRef");
    if (onlyFields(secret, "name", "key") && !secret.path("key").asText().isEmpty()) {
      String key = secret.path("key").asText();
      return Optional.of(new KeySourcePlan.KeyRef(secret(secret.path("name").asText(), key, "Read as " + variable + "."), key));
    }
    return Optional.empty();
  }

  /** One {@code envFrom} entry. */
  Optional<KeySourcePlan.EnvFrom> envFrom(JsonNode entry) {
    String prefix = entry.path("prefix").asText("");
    boolean prefixed = entry.has("prefix");
    JsonNode configMap = entry.path("configMapRef");
    if (onlyFields(configMap, "name") && entry.size() == (prefixed ? 2 : 1)) {
      return configuration(configMap.path("name").asText()).map(c -> new KeySourcePlan.EnvFrom(c, prefix));
    }
    JsonNode secret = entry.path("secretRef");
    if (onlyFields(secret, "name") && entry.size() == (prefixed ? 2 : 1)) {
      return Optional.of(new KeySourcePlan.EnvFrom(secret(secret.path("name").asText(), null, null), prefix));
    }
    return Optional.empty();
  }

  /** A configMap or secret volume, with items that keep their keys as file names. */
  Optional<KeySourcePlan.KeyVolume> volume(JsonNode volume) {
    String name = volume.path("name").asText();
    JsonNode configMap = volume.path("configMap");
    if (volume.size() == 2 && onlyFields(configMap, "name", "items")) {
      return configuration(configMap.path("name").asText()).flatMap(c ->
          items(configMap.path("items")).filter(keys -> keys.stream().allMatch(((KeySourcePlan.ConfigurationPlan) c).data()::containsKey))
              .map(keys -> new KeySourcePlan.KeyVolume(name, c, keys)));
    }
    JsonNode secret = volume.path("secret");
    if (volume.size() == 2 && onlyFields(secret, "secretName", "items", "defaultMode")
        && secret.path("defaultMode").asInt() == SECRET_FILE_MODE) {
      return items(secret.path("items")).map(keys -> {
        String secretName = secret.path("secretName").asText();
        KeySourcePlan source = secret(secretName, null, null);
        keys.forEach(key -> secret(secretName, key, "Mounted as a file of volume " + name + "."));
        return new KeySourcePlan.KeyVolume(name, source, keys);
      });
    }
    return Optional.empty();
  }

  /** The sources read so far, in the order they were first met; secrets with every key they were read by. */
  List<KeySourcePlan> sources() {
    return sources.values().stream().map(s -> s instanceof KeySourcePlan.SecretPlan secret
        ? new KeySourcePlan.SecretPlan(secret.constant(), secret.secretName(), secretKeys.get(secret.secretName()))
        : s).toList();
  }

  /** The ConfigMaps of the input that became configurations. */
  List<InputObject> configMapObjects() {
    return List.copyOf(used);
  }

  private Optional<KeySourcePlan> configuration(String objectName) {
    KeySourcePlan known = sources.get("ConfigMap/" + objectName);
    if (known != null) {
      return Optional.of(known);
    }
    InputObject object = configMaps.get(objectName);
    Matcher name = Pattern.compile(Pattern.quote(appName) + "-([a-z0-9]([-a-z0-9]*[a-z0-9])?)-([a-z0-9]{10})").matcher(objectName);
    if (object == null || !name.matches() || !expressible(object.tree())) {
      return Optional.empty();
    }
    SortedMap<String, String> data = new TreeMap<>();
    object.tree().path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
    if (data.isEmpty() || !ConfigMapHash.suffix(data).equals(name.group(3))) {
      return Optional.empty();
    }
    KeySourcePlan plan = new KeySourcePlan.ConfigurationPlan(
        names.unique(Names.upperSnake(name.group(1)).equals("CONFIG") ? "CONFIG" : Names.upperSnake(name.group(1)) + "_CONFIG"),
        name.group(1), data);
    sources.put("ConfigMap/" + objectName, plan);
    used.add(object);
    return Optional.of(plan);
  }

  /** The Secret's plan; {@code key}, if any, joins its keys with what reads it. */
  private KeySourcePlan secret(String secretName, String key, String readBy) {
    KeySourcePlan plan = sources.computeIfAbsent("Secret/" + secretName, n ->
        new KeySourcePlan.SecretPlan(names.unique(Names.upperSnake(secretName)), secretName, new TreeMap<>()));
    SortedMap<String, String> keys = secretKeys.computeIfAbsent(secretName, n -> new TreeMap<>());
    if (key != null) {
      keys.putIfAbsent(key, readBy);
    }
    return plan;
  }

  /** Data of text values only, and metadata the model writes itself. */
  private static boolean expressible(JsonNode configMap) {
    for (Iterator<String> fields = configMap.fieldNames(); fields.hasNext(); ) {
      if (!List.of("apiVersion", "kind", "metadata", "data").contains(fields.next())) {
        return false;
      }
    }
    JsonNode data = configMap.path("data");
    for (Iterator<JsonNode> values = data.elements(); values.hasNext(); ) {
      if (!values.next().isTextual()) {
        return false;
      }
    }
    return onlyFields(configMap.path("metadata"), "name", "namespace", "labels");
  }

  /** The keys of items whose path is the key itself; empty items: every key. */
  private static Optional<List<String>> items(JsonNode items) {
    List<String> keys = new ArrayList<>();
    for (JsonNode item : items) {
      if (!onlyFields(item, "key", "path") || !item.path("key").asText().equals(item.path("path").asText())) {
        return Optional.empty();
      }
      keys.add(item.path("key").asText());
    }
    return Optional.of(keys);
  }

  /** A non-empty object with no field but these. */
  private static boolean onlyFields(JsonNode node, String... allowed) {
    return !node.isEmpty() && Shapes.onlyFields(node, allowed);
  }
}
