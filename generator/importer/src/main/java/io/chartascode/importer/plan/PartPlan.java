package io.chartascode.importer.plan;

import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;

/** One part of an {@link ApplicationPlan}: what {@code reader} made of its object. */
public record PartPlan<P>(PartReader<P> reader, P part) {
  void build(Application.Builder app, PlanInterpreter interpreter) {
    reader.build(part, app, interpreter);
  }

  /** The part's calls on {@code Application.builder(...)} in the source. */
  public CodeBlock source() {
    return reader.source(part);
  }
}
