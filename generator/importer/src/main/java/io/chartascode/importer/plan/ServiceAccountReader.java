package io.chartascode.importer.plan;

import com.palantir.javapoet.CodeBlock;
import io.chartascode.importer.read.InputObject;
import io.chartascode.generator.model.Application;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.Optional;

/**
 * The ServiceAccount the pods run as. The model writes its own, so only its annotations are read:
 * a map parameter, as workload identity (an IAM role, say) differs between environments.
 */
final class ServiceAccountReader implements PartReader<ServiceAccountReader.ServiceAccountPlan> {
  /** The map parameter of the ServiceAccount's annotations, if it has any. */
  record ServiceAccountPlan(Optional<ParameterPlan> annotations) {}

  @Override
  public Class<? extends HasMetadata> type() {
    return ServiceAccount.class;
  }

  @Override
  public boolean belongs(InputObject account, Reading reading) {
    return account.name().equals(reading.deployment().tree().at("/spec/template/spec/serviceAccountName").asText(""));
  }

  @Override
  public Optional<ServiceAccountPlan> read(InputObject account, Reading reading) {
    return Optional.of(new ServiceAccountPlan(reading.annotations(account.tree().at("/metadata/annotations"),
        "SERVICE_ACCOUNT_ANNOTATIONS", "serviceAccount.annotations",
        "Annotations of the ServiceAccount, e.g. for workload identity.")));
  }

  @Override
  public String notImported(InputObject account, InputObject deployment) {
    return "the pods of " + deployment.id() + " do not use it";
  }

  @Override
  public void build(ServiceAccountPlan account, Application.Builder app, PlanInterpreter interpreter) {
    account.annotations().ifPresent(p -> app.serviceAccountAnnotations(interpreter.parameter(p)));
  }

  @Override
  public CodeBlock source(ServiceAccountPlan account) {
    return account.annotations()
        .map(p -> CodeBlock.of("\n.serviceAccountAnnotations($N)", p.constant()))
        .orElse(CodeBlock.of(""));
  }
}
