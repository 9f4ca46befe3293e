package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.List;
import java.util.Optional;

/**
 * The Gateway API HTTPRoute (gateway.networking.k8s.io/v1), rendered while enabled: each rule to a
 * port of the Service, by number, since a backendRef has no port names.
 */
final class HttpRoutePart implements Part {
  @Override
  public String stem() {
    return "httproute";
  }

  @Override
  public boolean appliesTo(Application app) {
    return app.httpRoute().isPresent();
  }

  @Override
  public Optional<Value<Boolean>> condition(Application app) {
    return app.httpRoute().map(HttpRoute::enabled);
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    HttpRoute route = app.httpRoute().orElseThrow();
    HTTPRoute object = new HTTPRoute();
    object.setMetadata(Part.metadata(b));
    HTTPRouteSpec spec = new HTTPRouteSpec();
    spec.setParentRefs(route.parentRefs().stream().map(parent -> parent(b, parent)).toList());
    spec.setHostnames(route.hostnames().stream().map(hostname -> b.value(hostname)).toList());
    spec.setRules(route.rules().stream().map(rule -> rule(app, b, rule)).toList());
    object.setSpec(spec);
    return object;
  }

  private static ParentReference parent(Binder b, HttpRoute.ParentRef parent) {
    ParentReference reference = new ParentReference();
    reference.setName(b.value(parent.name()));
    reference.setNamespace(parent.namespace().map(b::value).orElse(null));
    reference.setSectionName(parent.sectionName().orElse(null));
    return reference;
  }

  private static HTTPRouteRule rule(Application app, Binder b, HttpRoute.Rule rule) {
    HTTPRouteRule built = new HTTPRouteRule();
    built.setMatches(rule.matches().stream().map(match -> match(b, match)).toList());
    HTTPBackendRef backend = new HTTPBackendRef();
    backend.setName(b.name(""));
    // A port the Service lacks is left out; CAC-ROUTE-004 refuses the model before anything is written.
    backend.setPort(Backends.port(app, rule.servicePort()).map(p -> b.value(p.port())).orElse(null));
    built.setBackendRefs(List.of(backend));
    return built;
  }

  private static HTTPRouteMatch match(Binder b, HttpRoute.Match match) {
    HTTPPathMatch path = new HTTPPathMatch();
    path.setType(match.pathType().kubernetesName());
    path.setValue(b.value(match.path()));
    HTTPRouteMatch built = new HTTPRouteMatch();
    built.setPath(path);
    built.setHeaders(match.headers().stream().map(header -> header(b, header)).toList());
    return built;
  }

  private static HTTPHeaderMatch header(Binder b, HttpRoute.HeaderMatch header) {
    HTTPHeaderMatch built = new HTTPHeaderMatch();
    built.setType(header.type().kubernetesName());
    built.setName(header.name());
    built.setValue(b.value(header.value()));
    return built;
  }
}
