package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.internal.k8s.Manifest;
import io.chartascode.generator.internal.k8s.Slot;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.internal.yaml.YamlDocument;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlRawBlock;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import io.chartascode.generator.internal.yaml.YamlTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns one templated {@link Manifest} into a Helm template: the object's tree at its defaults,
 * with every {@link Slot} replaced by template syntax at its path.
 */
final class HelmManifestTemplate {
  private static final String END = "{{- end }}";

  private final TemplateNames names;

  HelmManifestTemplate(TemplateNames names) {
    this.names = names;
  }

  YamlDocument render(Manifest manifest) {
    YamlNode tree = literalText(manifest.tree());
    for (Slot slot : manifest.slots()) {
      tree = apply(tree, slot);
    }
    YamlDocument document = YamlDocument.of(tree);
    if (manifest.condition().isPresent()) {
      document =
          document.guardedBy(
              "{{- if " + HelmExpressions.condition(manifest.condition().get()) + " }}", END);
    }
    return document;
  }

  /**
   * The object's fixed text, with every string that Go's template engine would read as an action
   * ({@code {{ ... }}}) written so that it prints as it is: a value can hold anything.
   */
  private static YamlNode literalText(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      boolean text = scalar.kind() == YamlScalar.Kind.STRING || scalar.kind() == YamlScalar.Kind.LITERAL;
      return text && scalar.text().contains("{{") ? HelmExpressions.text(scalar.text()) : scalar;
    }
    // A subtree without such text is kept as it is, not copied: almost every one is.
    if (node instanceof YamlMap map) {
      List<YamlMap.Entry> entries = rewritten(
          map.entries(), e -> e instanceof YamlMap.Field f ? field(f, literalText(f.value())) : e);
      return entries == map.entries() ? map : new YamlMap(entries);
    }
    if (node instanceof YamlSeq seq) {
      List<YamlSeq.Item> items = rewritten(
          seq.items(), i -> i instanceof YamlSeq.Element e ? element(e, literalText(e.node())) : i);
      return items == seq.items() ? seq : new YamlSeq(items);
    }
    return node;
  }

  /** {@code items} rewritten one by one; the same list when no item changed. */
  private static <T> List<T> rewritten(List<T> items, UnaryOperator<T> rewrite) {
    List<T> result = new ArrayList<>(items.size());
    boolean changed = false;
    for (T item : items) {
      T written = rewrite.apply(item);
      changed |= written != item;
      result.add(written);
    }
    return changed ? result : items;
  }

  private static YamlMap.Field field(YamlMap.Field field, YamlNode value) {
    return value == field.value() ? field : new YamlMap.Field(field.key(), value);
  }

  private static YamlSeq.Element element(YamlSeq.Element element, YamlNode node) {
    return node == element.node() ? element : new YamlSeq.Element(node);
  }

  private YamlNode apply(YamlNode tree, Slot slot) {
    if (slot instanceof Slot.Bound bound) {
      return YamlTrees.replace(tree, bound.path(), YamlScalar.raw(HelmExpressions.action(bound.value())));
    }
    if (slot instanceof Slot.Omitted omitted) {
      return omit(tree, omitted);
    }
    if (slot instanceof Slot.Name name) {
      String include = names.include(names.fullname());
      String expr =
          name.suffix().isEmpty()
              ? "{{ " + include + " }}"
              : "{{ printf \"%s" + name.suffix() + "\" (" + include + ") }}";
      return YamlTrees.replace(tree, name.path(), YamlScalar.raw(expr));
    }
    if (slot instanceof Slot.ConfigMapName configMap) {
      return YamlTrees.replace(
          tree, configMap.path(), YamlScalar.raw("{{ " + names.include(names.configMapName(configMap.configuration())) + " }}"));
    }
    if (slot instanceof Slot.Namespace namespace) {
      return YamlTrees.replace(tree, namespace.path(), YamlScalar.raw("{{ .Release.Namespace }}"));
    }
    if (slot instanceof Slot.Labels labels) {
      String include = names.include(names.labels(labels.set()));
      // The extra labels after the application's own, on the same lines: an empty map adds nothing.
      String extra = labels.extra()
          .map(p -> "{{- with " + HelmExpressions.valuesPath(p) + " }}{{- toYaml . | nindent %d }}{{- end }}")
          .orElse("");
      return YamlTrees.replace(
          tree,
          labels.path(),
          new YamlRawBlock(indent -> "{{- " + include + " | nindent " + indent + " }}" + extra.formatted(indent)));
    }
    if (slot instanceof Slot.MapEntries entries) {
      return mapEntries(tree, entries);
    }
    if (slot instanceof Slot.WholeMap map) {
      // Inside with: an empty map renders no field, as the Kustomize side leaves it out.
      return YamlTrees.replaceField(
          tree,
          map.path(),
          field -> List.of(new YamlMap.Guarded("{{- with " + HelmExpressions.valuesPath(map.parameter()) + " }}",
              List.of(new YamlMap.Field(field.key(), new YamlRawBlock(indent -> "{{- toYaml . | nindent " + indent + " }}"))),
              END)));
    }
    throw new IllegalArgumentException("unknown slot " + slot);
  }

  /**
   * {@code range} over the map after the fixed entries; with no fixed entries the whole field sits
   * inside {@code with}, so an empty map renders no field at all, as on the Kustomize side.
   */
  private static YamlNode mapEntries(YamlNode tree, Slot.MapEntries entries) {
    YamlMap item =
        YamlMap.builder()
            .put("name", YamlScalar.raw("{{ $name | quote }}"))
            .put("value", YamlScalar.raw("{{ $value | quote }}"))
            .build();
    String map = HelmExpressions.valuesPath(entries.parameter());
    if (entries.fixedEntries() > 0) {
      return YamlTrees.replaceElement(
          tree,
          entries.path(),
          entries.fixedEntries(),
          new YamlSeq.Guarded(
              "{{- range $name, $value := " + map + " }}", List.of(new YamlSeq.Element(item)), END));
    }
    YamlSeq range =
        new YamlSeq(
            List.of(new YamlSeq.Guarded("{{- range $name, $value := . }}", List.of(new YamlSeq.Element(item)), END)));
    return YamlTrees.replaceField(
        tree,
        entries.path(),
        field -> List.of(new YamlMap.Guarded("{{- with " + map + " }}", List.of(new YamlMap.Field(field.key(), range)), END)));
  }

  private static YamlNode omit(YamlNode tree, Slot.Omitted omitted) {
    YamlScalar value = YamlScalar.raw(HelmExpressions.action(omitted.value()));
    if (omitted.unless() instanceof Value.Fixed<Boolean> fixed) {
      return fixed.value()
          ? YamlTrees.replaceField(tree, omitted.path(), field -> List.of())
          : YamlTrees.replace(tree, omitted.path(), value);
    }
    String open = "{{- if not " + HelmExpressions.condition(omitted.unless()) + " }}";
    return YamlTrees.replaceField(
        tree,
        omitted.path(),
        field -> List.of(new YamlMap.Guarded(open, List.of(new YamlMap.Field(field.key(), value)), END)));
  }
}
