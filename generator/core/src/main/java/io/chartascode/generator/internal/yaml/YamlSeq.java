package io.chartascode.generator.internal.yaml;

import java.util.List;

/** A block sequence. */
public record YamlSeq(List<YamlSeq.Item> items) implements YamlNode {

  public YamlSeq {
    items = List.copyOf(items);
  }

  public static YamlSeq of(List<YamlNode> nodes) {
    return new YamlSeq(nodes.stream().<Item>map(Element::new).toList());
  }

  /** One element, or a group of elements between template lines. */
  public sealed interface Item permits Element, Guarded {}

  /** {@code - node}. */
  public record Element(YamlNode node) implements Item {}

  /** Items between two template lines, e.g. a {@code range} loop. */
  public record Guarded(String open, List<Item> items, String close) implements Item {
    public Guarded {
      items = List.copyOf(items);
    }
  }
}
