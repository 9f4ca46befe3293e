package io.chartascode.generator.internal.render.kustomize;

import io.chartascode.generator.internal.yaml.NodePath;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RFC 6902 operations that turn one tree into another, as Kustomize applies them. Maps are
 * compared key by key; a sequence of a different length is replaced whole, because index-wise
 * edits of a shifted list are hard to review.
 */
final class JsonPatch {
  /** One operation; {@code value} is null for {@code remove}. */
  record Operation(String op, NodePath path, YamlNode value) {
    YamlMap toYaml() {
      YamlMap.Builder map = YamlMap.builder().put("op", op).put("path", path.toPointer());
      if (value != null) {
        map.put("value", value);
      }
      return map.build();
    }
  }

  private JsonPatch() {}

  static List<Operation> diff(YamlNode from, YamlNode to) {
    List<Operation> ops = new ArrayList<>();
    diff(NodePath.root(), from, to, ops);
    return ops;
  }

  private static void diff(NodePath at, YamlNode from, YamlNode to, List<Operation> ops) {
    if (from.equals(to)) {
      return; // most of an object is the same in every environment; no paths to make for it
    }
    if (from instanceof YamlMap a && to instanceof YamlMap b) {
      Set<String> keys = new LinkedHashSet<>(keys(a));
      keys.addAll(keys(b));
      for (String key : keys) {
        YamlNode x = a.get(key);
        YamlNode y = b.get(key);
        if (x == null) {
          ops.add(new Operation("add", at.key(key), y));
        } else if (y == null) {
          ops.add(new Operation("remove", at.key(key), null));
        } else {
          diff(at.key(key), x, y, ops);
        }
      }
    } else if (from instanceof YamlSeq a && to instanceof YamlSeq b && a.items().size() == b.items().size()) {
      for (int i = 0; i < a.items().size(); i++) {
        diff(at.index(i), element(a, i), element(b, i), ops);
      }
    } else {
      ops.add(new Operation("replace", at, to));
    }
  }

  private static List<String> keys(YamlMap map) {
    List<String> keys = new ArrayList<>();
    map.entries().forEach(e -> keys.add(((YamlMap.Field) e).key()));
    return keys;
  }

  private static YamlNode element(YamlSeq seq, int i) {
    return ((YamlSeq.Element) seq.items().get(i)).node();
  }
}
