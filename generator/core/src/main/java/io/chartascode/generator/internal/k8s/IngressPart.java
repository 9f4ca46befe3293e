package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.Optional;

/** The Ingress (networking.k8s.io/v1), rendered while enabled: each path to a port of the Service. */
final class IngressPart implements Part {
  @Override
  public String stem() {
    return "ingress";
  }

  @Override
  public boolean appliesTo(Application app) {
    return app.ingress().isPresent();
  }

  @Override
  public Optional<Value<Boolean>> condition(Application app) {
    return app.ingress().map(Ingress::enabled);
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    Ingress ingress = app.ingress().orElseThrow();
    ObjectMeta metadata = Part.metadata(b);
    metadata.setAnnotations(ingress.annotations().map(b::map).orElse(null));
    IngressSpec spec = new IngressSpec();
    spec.setIngressClassName(ingress.className().map(b::value).orElse(null));
    spec.setRules(ingress.rules().stream().map(rule -> rule(app, b, rule)).toList());
    spec.setTls(ingress.tls().stream().map(tls -> tls(b, tls)).toList());
    io.fabric8.kubernetes.api.model.networking.v1.Ingress object = new io.fabric8.kubernetes.api.model.networking.v1.Ingress();
    object.setMetadata(metadata);
    object.setSpec(spec);
    return object;
  }

  private static IngressRule rule(Application app, Binder b, Ingress.Rule rule) {
    return new IngressRuleBuilder()
        .withHost(b.value(rule.host()))
        .withNewHttp()
        .withPaths(rule.paths().stream().map(path -> path(app, b, path)).toList())
        .endHttp()
        .build();
  }

  private static HTTPIngressPath path(Application app, Binder b, Ingress.Path path) {
    return new HTTPIngressPathBuilder()
        .withPath(b.value(path.path()))
        .withPathType(path.type().kubernetesName())
        .withNewBackend()
        .withNewService()
        .withName(b.name(""))
        // By number, as the HTTPRoute must: both follow the Service port's parameter. A port the
        // Service lacks is left out; CAC-ROUTE-004 refuses the model before anything is written.
        .withNewPort()
        .withNumber(Backends.port(app, path.servicePort()).map(p -> b.value(p.port())).orElse(null))
        .endPort()
        .endService()
        .endBackend()
        .build();
  }

  private static IngressTLS tls(Binder b, Ingress.Tls tls) {
    return new IngressTLSBuilder()
        .withHosts(tls.hosts().stream().map(host -> b.value(host)).toList())
        .withSecretName(b.value(tls.secretName()))
        .build();
  }
}
