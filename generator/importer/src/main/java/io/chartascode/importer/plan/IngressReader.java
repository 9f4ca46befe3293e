package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Value;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Ingress whose backends are all the application's Service, as the model's {@link Ingress}
 * (see {@link ExposureReader}): its switch, hosts and annotations parameters, the rest fixed.
 */
final class IngressReader implements PartReader<Exposure<Ingress>> {
  @Override
  public Class<? extends HasMetadata> type() {
    return io.fabric8.kubernetes.api.model.networking.v1.Ingress.class;
  }

  @Override
  public boolean belongs(InputObject ingress, Reading reading) {
    List<JsonNode> backends = new ArrayList<>();
    ingress.tree().at("/spec/rules").forEach(rule ->
        rule.at("/http/paths").forEach(path -> backends.add(path.at("/backend/service/name"))));
    return ExposureReader.allTo(backends, reading);
  }

  @Override
  public Optional<Exposure<Ingress>> read(InputObject ingress, Reading reading) {
    return ExposureReader.ingress(ingress.tree(), reading);
  }

  @Override
  public String notImported(InputObject ingress, InputObject deployment) {
    return ExposureReader.notImported(kind(), deployment);
  }

  @Override
  public void build(Exposure<Ingress> ingress, Application.Builder app, PlanInterpreter interpreter) {
    app.ingress(ingress.object());
  }

  /**
   * {@code Ingress.builder()...build()}, one call per line. Paths, the class and the Secret names
   * are fixed in an import; hosts and the switch are parameters.
   */
  @Override
  public CodeBlock source(Exposure<Ingress> read) {
    Ingress ingress = read.object();
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", Ingress.class);
    code.add("\n.enabled($L)", read.value(ingress.enabled()));
    ingress.className().ifPresent(name -> code.add("\n.className($S)", Exposure.fixed(name)));
    ingress.annotations().ifPresent(p -> code.add("\n.annotations($N)", read.constant(p)));
    for (Ingress.Rule rule : ingress.rules()) {
      List<CodeBlock> paths = rule.paths().stream().map(IngressReader::path).toList();
      // Several paths one to a line, so no line passes the limit.
      code.add(paths.size() == 1 ? "\n.rule($L, $L)" : "\n.rule($L,\n$>$>$L$<$<)", read.value(rule.host()),
          CodeBlock.join(paths, paths.size() == 1 ? ", " : ",\n"));
    }
    for (Ingress.Tls tls : ingress.tls()) {
      List<CodeBlock> hosts = tls.hosts().stream().map(read::value).toList();
      code.add("\n.tls($L, $L)", read.value(tls.secretName()), CodeBlock.join(hosts, ", "));
    }
    return CodeBlock.of("\n.ingress($L)", code.add("\n.build()$<$<").build());
  }

  private static CodeBlock path(Ingress.Path path) {
    CodeBlock code = switch (path.type()) {
      case PREFIX -> CodeBlock.of("$T.prefix($S)", Ingress.Path.class, Exposure.fixed(path.path()));
      case EXACT -> CodeBlock.of("$T.exact($S)", Ingress.Path.class, Exposure.fixed(path.path()));
      case IMPLEMENTATION_SPECIFIC -> CodeBlock.of("new $T($T.fixed($S), $T.IMPLEMENTATION_SPECIFIC, $T.empty())",
          Ingress.Path.class, Value.class, Exposure.fixed(path.path()), Ingress.PathType.class, Optional.class);
    };
    return Exposure.to(code, path.servicePort());
  }
}
