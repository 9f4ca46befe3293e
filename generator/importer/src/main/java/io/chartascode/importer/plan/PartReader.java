package io.chartascode.importer.plan;

import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.OptOut;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * One part of the model as the importer reads it back, the reverse of the generator's {@code Part}:
 * the kind it takes, which object of that kind is the imported Deployment's, what the model makes of
 * it, and how that is built into the model and written into the source. {@link ManifestAnalyzer},
 * {@link PlanInterpreter} and {@code source.ModelSource} all walk {@link PartReaders#ALL}, so a new
 * kind is a new reader and its line there.
 *
 * @param <P> what the plan keeps of the part
 */
public interface PartReader<P> {
  /** The kind this reader takes, by its fabric8 type. */
  Class<? extends HasMetadata> type();

  /** {@code Service} for {@code Service.class}; matched against the input's {@code kind}. */
  default String kind() {
    return HasMetadata.getKind(type());
  }

  /**
   * Whether {@code object}, of this kind, belongs to the imported Deployment; the first that does is
   * read. Called before anything is read, so only the Deployment and earlier choices are known.
   */
  boolean belongs(InputObject object, Reading reading);

  /** What the model makes of {@code object}; empty where it cannot write it as it is. */
  Optional<P> read(InputObject object, Reading reading);

  /** The part where the input has no object of this kind: none, unless the model always has one. */
  default Optional<P> absent(Reading reading) {
    return Optional.empty();
  }

  /** Why {@code object}, of this kind, is not imported: it is not the application's, or not as the model writes it. */
  String notImported(InputObject object, InputObject deployment);

  /**
   * Where the input has no such part but the model adds one by default, the opt-out that keeps the
   * input's behaviour, with the reason the reviewer reads.
   */
  default Map<OptOut, String> optOutsWithout(Application app) {
    return Map.of();
  }

  /** Adds the part to the model, exactly as the source written by {@link #source} does. */
  void build(P part, Application.Builder app, PlanInterpreter interpreter);

  /** The part's calls on {@code Application.builder(...)}, each starting on a new line; empty for none. */
  CodeBlock source(P part);
}
