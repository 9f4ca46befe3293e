package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.internal.k8s.DisruptionBudgets;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.DisruptionBudget;
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PodDisruptionBudget that selects the pods, as the model's {@link DisruptionBudget}, where it
 * counts pods (the model's budget has no percentages).
 */
final class DisruptionBudgetReader implements PartReader<DisruptionBudget> {
  @Override
  public Class<? extends HasMetadata> type() {
    return PodDisruptionBudget.class;
  }

  @Override
  public boolean belongs(InputObject budget, Reading reading) {
    return Shapes.selects(budget.tree().at("/spec/selector/matchLabels"), reading.podLabels()) && budget(budget).isPresent();
  }

  @Override
  public Optional<DisruptionBudget> read(InputObject budget, Reading reading) {
    return budget(budget);
  }

  @Override
  public String notImported(InputObject budget, InputObject deployment) {
    return "it does not select the pods of " + deployment.id() + ", or counts them in percent; the model's budget counts pods";
  }

  @Override
  public Map<OptOut, String> optOutsWithout(Application app) {
    return DisruptionBudgets.applies(app)
        ? Map.of(OptOut.NO_DISRUPTION_BUDGET, "Imported as is: the input has no PodDisruptionBudget (one that counts"
            + " pods), so a node drain may take every pod at once. Remove this opt-out for maxUnavailable: 1.")
        : Map.of();
  }

  @Override
  public void build(DisruptionBudget budget, Application.Builder app, PlanInterpreter interpreter) {
    app.disruptionBudget(budget);
  }

  /** Nothing for the model's default, which it has without being told. */
  @Override
  public CodeBlock source(DisruptionBudget budget) {
    if (budget.equals(DisruptionBudget.DEFAULT)) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("\n.disruptionBudget($T.$L($L))", DisruptionBudget.class,
        budget.limit() == DisruptionBudget.Limit.MAX_UNAVAILABLE ? "maxUnavailable" : "minAvailable",
        budget.count().evaluate(ParameterValues.defaults(List.of())));
  }

  /** The budget of a PodDisruptionBudget that counts pods (not percentages), if it does. */
  private static Optional<DisruptionBudget> budget(InputObject pdb) {
    JsonNode spec = pdb.tree().path("spec");
    JsonNode max = spec.path("maxUnavailable");
    JsonNode min = spec.path("minAvailable");
    if (max.isIntegralNumber() && min.isMissingNode()) {
      return Optional.of(DisruptionBudget.maxUnavailable(max.asInt()));
    }
    if (min.isIntegralNumber() && max.isMissingNode()) {
      return Optional.of(DisruptionBudget.minAvailable(min.asInt()));
    }
    return Optional.empty();
  }
}
