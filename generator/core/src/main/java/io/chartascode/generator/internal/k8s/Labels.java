package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Parameter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The recommended {@code app.kubernetes.io/*} labels. The instance label is the release name,
 * which the Kustomize side fixes to the application name.
 */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String VERSION = "app.kubernetes.io/version";

  private Labels() {}

  /** Name and instance, as in every selector. */
  public static SortedMap<String, String> selector(Application app) {
    SortedMap<String, String> labels = new TreeMap<>();
    labels.put(NAME, app.name());
    labels.put(INSTANCE, app.name());
    return Collections.unmodifiableSortedMap(labels);
  }

  /** The map parameter of the extra labels a label set gets: the objects' or the pods' own. */
  public static Optional<Parameter<SortedMap<String, String>>> extra(Application app, LabelSet set) {
    return switch (set) {
      case OBJECT -> app.labels();
      case POD -> app.workload().podLabels();
      case SELECTOR -> Optional.empty();
    };
  }

  /** Labels the generator or Helm sets itself, which extra labels may not set. */
  public static final Set<String> RESERVED = Set.of(NAME, INSTANCE, VERSION, "helm.sh/chart", "app.kubernetes.io/managed-by");

  /** The version label, on objects and pod templates but never in selectors. */
  public static SortedMap<String, String> version(Application app) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(VERSION, app.appVersion())));
  }
}
