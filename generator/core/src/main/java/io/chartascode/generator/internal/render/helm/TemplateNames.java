package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.model.Configuration;

import io.chartascode.generator.internal.k8s.LabelSet;

/** The named templates in {@code _helpers.tpl}, prefixed with the chart name as Helm advises. */
record TemplateNames(String chart) {

  String fullname() {
    return chart + ".fullname";
  }

  String name() {
    return chart + ".name";
  }

  String chartLabel() {
    return chart + ".chart";
  }

  String labels(LabelSet set) {
    return switch (set) {
      case OBJECT -> chart + ".labels";
      case POD -> chart + ".podLabels";
      case SELECTOR -> chart + ".selectorLabels";
    };
  }

  /** A content field of a configuration's ConfigMap ({@code data}, {@code binaryData}), as YAML. */
  String configMap(Configuration configuration, String field) {
    return chart + ".configmap." + configuration.name() + "." + field;
  }

  /** The name of a configuration's ConfigMap, with the content hash of its data. */
  String configMapName(Configuration configuration) {
    return chart + ".configmap." + configuration.name() + ".name";
  }

  /** {@code include "envapp.fullname" .}. */
  String include(String template) {
    return "include " + HelmExpressions.goString(template) + " .";
  }
}
