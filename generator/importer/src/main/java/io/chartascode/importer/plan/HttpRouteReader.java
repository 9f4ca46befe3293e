package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Value;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Gateway API HTTPRoute whose backendRefs are all the application's Service, as the model's
 * {@link HttpRoute} (see {@link ExposureReader}): its switch and hostnames parameters, the rest fixed.
 */
final class HttpRouteReader implements PartReader<Exposure<HttpRoute>> {
  @Override
  public Class<? extends HasMetadata> type() {
    return HTTPRoute.class;
  }

  @Override
  public boolean belongs(InputObject route, Reading reading) {
    List<JsonNode> backends = new ArrayList<>();
    route.tree().at("/spec/rules").forEach(rule -> rule.path("backendRefs").forEach(ref -> backends.add(ref.path("name"))));
    return ExposureReader.allTo(backends, reading);
  }

  @Override
  public Optional<Exposure<HttpRoute>> read(InputObject route, Reading reading) {
    return ExposureReader.httpRoute(route.tree(), reading);
  }

  @Override
  public String notImported(InputObject route, InputObject deployment) {
    return ExposureReader.notImported(kind(), deployment);
  }

  @Override
  public void build(Exposure<HttpRoute> route, Application.Builder app, PlanInterpreter interpreter) {
    app.httpRoute(route.object());
  }

  /** {@code HttpRoute.builder()...build()}, one call per line; fixed but for hostnames and the switch, as imported. */
  @Override
  public CodeBlock source(Exposure<HttpRoute> read) {
    HttpRoute route = read.object();
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", HttpRoute.class);
    code.add("\n.enabled($L)", read.value(route.enabled()));
    for (HttpRoute.ParentRef parent : route.parentRefs()) {
      CodeBlock ref = parent.namespace().isPresent()
          ? CodeBlock.of("$T.gateway($S, $S)", HttpRoute.ParentRef.class, Exposure.fixed(parent.namespace().get()),
              Exposure.fixed(parent.name()))
          : CodeBlock.of("$T.gateway($S)", HttpRoute.ParentRef.class, Exposure.fixed(parent.name()));
      code.add("\n.parentRef($L$L)", ref, parent.sectionName().map(name -> CodeBlock.of(".section($S)", name)).orElse(CodeBlock.of("")));
    }
    route.hostnames().forEach(hostname -> code.add("\n.hostname($L)", read.value(hostname)));
    for (HttpRoute.Rule rule : route.rules()) {
      CodeBlock matches = CodeBlock.join(rule.matches().stream().map(HttpRouteReader::match).toList(), ",\n");
      if (rule.servicePort().isEmpty()) {
        code.add("\n.rule($>$>$L$<$<)", matches);
      } else {
        code.add("\n.rule($L)",
            Exposure.to(CodeBlock.of("$T.matching(\n$>$>$L$<$<)", HttpRoute.Rule.class, matches), rule.servicePort()));
      }
    }
    return CodeBlock.of("\n.httpRoute($L)", code.add("\n.build()$<$<").build());
  }

  private static CodeBlock match(HttpRoute.Match match) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.$L($S)", HttpRoute.Match.class,
        match.pathType() == HttpRoute.PathType.PATH_PREFIX ? "pathPrefix" : "exact", Exposure.fixed(match.path()));
    for (HttpRoute.HeaderMatch header : match.headers()) {
      if (header.type() == HttpRoute.HeaderMatchType.EXACT) {
        code.add(".header($S, $S)", header.name(), Exposure.fixed(header.value()));
      } else {
        code.add(".header(new $T($T.$L, $S, $T.fixed($S)))", HttpRoute.HeaderMatch.class, HttpRoute.HeaderMatchType.class,
            header.type().name(), header.name(), Value.class, Exposure.fixed(header.value()));
      }
    }
    return code.build();
  }
}
