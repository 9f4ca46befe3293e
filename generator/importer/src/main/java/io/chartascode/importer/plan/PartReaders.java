package io.chartascode.importer.plan;

import java.util.List;

/**
 * The parts the importer reads besides the Deployment itself. In this order they are chosen, read
 * (their parameters follow the Deployment's in this order), built and written, so a reader may use
 * what an earlier one chose or made: the Service comes first, as the NetworkPolicy admits to its
 * ports and the Ingress and HTTPRoute route to it.
 */
public final class PartReaders {
  private PartReaders() {}

  public static final List<PartReader<?>> ALL =
      List.of(
          new ServiceReader(),
          new AutoscalerReader(),
          new DisruptionBudgetReader(),
          new NetworkPolicyReader(),
          new ServiceAccountReader(),
          new IngressReader(),
          new HttpRouteReader());
}
