package io.chartascode.generator.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds trees from Jackson nodes and edits them at a {@link NodePath}. Trees are immutable. */
public final class YamlTrees {
  private YamlTrees() {}

  /** The same tree, keeping field order; integers stay integers and text stays text. */
  public static YamlNode fromJson(JsonNode node) {
    if (node.isObject()) {
      YamlMap.Builder map = YamlMap.builder();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), fromJson(field.getValue()));
      }
      return map.build();
    }
    if (node.isArray()) {
      List<YamlNode> items = new ArrayList<>();
      node.forEach(item -> items.add(fromJson(item)));
      return YamlSeq.of(items);
    }
    if (node.isTextual()) {
      return YamlScalar.string(node.textValue());
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return YamlScalar.integer(node.longValue());
    }
    if (node.isBoolean()) {
      return YamlScalar.bool(node.booleanValue());
    }
    if (node.isNull()) {
      return YamlScalar.nullValue();
    }
    // Floats have no single spelling; Kubernetes objects use quantities (strings) instead.
    throw new IllegalArgumentException("unsupported value in a manifest: " + node);
  }

  /** The node at {@code path}; fails with the path when it is missing. */
  public static YamlNode get(YamlNode root, NodePath path) {
    YamlNode node = root;
    for (Object segment : path.segments()) {
      node = child(node, segment, path);
    }
    return node;
  }

  /** Replaces the node at {@code path}. */
  public static YamlNode replace(YamlNode root, NodePath path, YamlNode value) {
    return edit(root, 0, path, field -> List.of(new YamlMap.Field(field.key(), value)), value);
  }

  /**
   * Replaces the field at {@code path} (which must end in a key) with entries computed from it, for
   * example the same field wrapped in a template guard.
   */
  public static YamlNode replaceField(
      YamlNode root, NodePath path, Function<YamlMap.Field, List<YamlMap.Entry>> replacement) {
    if (!(path.segments().get(path.segments().size() - 1) instanceof String)) {
      throw new IllegalArgumentException("not a field path: " + path);
    }
    return edit(root, 0, path, replacement, null);
  }

  /** Replaces the {@code index}-th element of the sequence at {@code path} with {@code item}. */
  public static YamlNode replaceElement(YamlNode root, NodePath path, int index, YamlSeq.Item item) {
    YamlNode seq = get(root, path);
    if (!(seq instanceof YamlSeq s)) {
      throw new IllegalArgumentException("not a sequence at " + path);
    }
    List<YamlSeq.Item> items = new ArrayList<>(s.items());
    items.set(position(s, index, path), item);
    return replace(root, path, new YamlSeq(items));
  }

  /** Edits the node at {@code full}, below {@code node}, which is at its first {@code depth} segments. */
  private static YamlNode edit(
      YamlNode node,
      int depth,
      NodePath full,
      Function<YamlMap.Field, List<YamlMap.Entry>> onField,
      YamlNode replacement) {
    List<Object> segments = full.segments();
    if (depth == segments.size()) {
      return replacement;
    }
    Object segment = segments.get(depth);
    if (node instanceof YamlMap map && segment instanceof String key) {
      return new YamlMap(editEntries(map.entries(), key, depth, full, onField, replacement));
    }
    if (node instanceof YamlSeq seq && segment instanceof Integer index) {
      List<YamlSeq.Item> items = new ArrayList<>(seq.items());
      int position = position(seq, index, full);
      YamlNode element = ((YamlSeq.Element) items.get(position)).node();
      items.set(position, new YamlSeq.Element(edit(element, depth + 1, full, onField, replacement)));
      return new YamlSeq(items);
    }
    throw new IllegalArgumentException("no " + segment + " on the way to " + full);
  }

  private static List<YamlMap.Entry> editEntries(
      List<YamlMap.Entry> entries,
      String key,
      int depth,
      NodePath full,
      Function<YamlMap.Field, List<YamlMap.Entry>> onField,
      YamlNode replacement) {
    boolean last = depth + 1 == full.segments().size();
    List<YamlMap.Entry> result = new ArrayList<>(entries.size());
    boolean found = false;
    for (YamlMap.Entry entry : entries) {
      if (!found && entry instanceof YamlMap.Field f && f.key().equals(key)) {
        found = true;
        if (last) {
          result.addAll(onField.apply(f));
        } else {
          result.add(new YamlMap.Field(key, edit(f.value(), depth + 1, full, onField, replacement)));
        }
      } else {
        result.add(entry);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no field '" + key + "' on the way to " + full);
    }
    return result;
  }

  private static YamlNode child(YamlNode node, Object segment, NodePath full) {
    if (node instanceof YamlMap map && segment instanceof String key && map.get(key) != null) {
      return map.get(key);
    }
    if (node instanceof YamlSeq seq && segment instanceof Integer index) {
      return element(seq, index, full).node();
    }
    throw new IllegalArgumentException("no " + segment + " on the way to " + full);
  }

  private static YamlSeq.Element element(YamlSeq seq, int index, NodePath full) {
    return (YamlSeq.Element) seq.items().get(position(seq, index, full));
  }

  /** Where the {@code index}-th plain element sits among the items (guards are skipped). */
  private static int position(YamlSeq seq, int index, NodePath full) {
    int elements = 0;
    for (int i = 0; i < seq.items().size(); i++) {
      if (seq.items().get(i) instanceof YamlSeq.Element && elements++ == index) {
        return i;
      }
    }
    throw new IllegalArgumentException("no element " + index + " on the way to " + full);
  }
}
