package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
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
    return new ParentReferenceBuilder()
        .withName(b.value(parent.name()))
        .withNamespace(parent.namespace().map(b::value).orElse(null))
        .withSectionName(parent.sectionName().orElse(null))
        .build();
  }

  private static HTTPRouteRule rule(Application app, Binder b, HttpRoute.Rule rule) {
    return new HTTPRouteRuleBuilder()
        .withMatches(rule.matches().stream().map(match -> match(b, match)).toList())
        // A port the Service lacks is left out; CAC-ROUTE-004 refuses the model before anything is written.
        .addNewBackendRef()
        .withName(b.name(""))
        .withPort(Backends.port(app, rule.servicePort()).map(p -> b.value(p.port())).orElse(null))
        .endBackendRef()
        .build();
  }

  private static HTTPRouteMatch match(Binder b, HttpRoute.Match match) {
    return new HTTPRouteMatchBuilder()
        .withNewPath()
        .withType(match.pathType().kubernetesName())
        .withValue(b.value(match.path()))
        .endPath()
        .withHeaders(match.headers().stream().map(header -> header(b, header)).toList())
        .build();
  }

  private static HTTPHeaderMatch header(Binder b, HttpRoute.HeaderMatch header) {
    return new HTTPHeaderMatchBuilder()
        .withType(header.type().kubernetesName())
        .withName(header.name())
        .withValue(b.value(header.value()))
        .build();
  }
}
