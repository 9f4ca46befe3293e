package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Values that every generated chart has besides the application's own: they configure the chart's
 * machinery, not the workload, so Kustomize has no counterpart. Their names are reserved ({@code
 * CAC-PARAM-002}).
 */
public final class ChartParameters {
  /** The image of the {@code helm test} pod: pinned, and a value, so that a mirror can serve it. */
  public static final Parameter<String> TEST_IMAGE =
      Parameter.string("tests.image", "busybox:1.37.0")
          .description(
              "Image of the `helm test` pod, which fetches the Service once with wget. Pinned by tag or"
                  + " digest; point it at a mirror where Docker Hub is out of reach.")
          .pattern(Patterns.PINNED_IMAGE)
          .build();

  /** Every chart parameter, in the order values.yaml lists them. */
  public static final List<Parameter<?>> ALL = List.of(TEST_IMAGE);

  private ChartParameters() {}

  /** The application's parameters, then the chart's own: everything values.yaml holds. */
  public static List<Parameter<?>> of(Application app) {
    List<Parameter<?>> all = new ArrayList<>(app.parameters());
    all.addAll(ALL);
    return List.copyOf(all);
  }
}
