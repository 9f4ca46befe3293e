package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
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
    IngressRule built = new IngressRule();
    built.setHost(b.value(rule.host()));
    built.setHttp(new HTTPIngressRuleValue(rule.paths().stream().map(path -> path(app, b, path)).toList()));
    return built;
  }

  private static HTTPIngressPath path(Application app, Binder b, Ingress.Path path) {
    HTTPIngressPath built = new HTTPIngressPath();
    built.setPath(b.value(path.path()));
    built.setPathType(path.type().kubernetesName());
    String service = b.name("");
    // By number, as the HTTPRoute must: both follow the Service port's parameter. A port the
    // Service lacks is left out; CAC-ROUTE-004 refuses the model before anything is written.
    ServiceBackendPort port = new ServiceBackendPort();
    port.setNumber(Backends.port(app, path.servicePort()).map(p -> b.value(p.port())).orElse(null));
    IngressBackend backend = new IngressBackend();
    backend.setService(new IngressServiceBackend(service, port));
    built.setBackend(backend);
    return built;
  }

  private static IngressTLS tls(Binder b, Ingress.Tls tls) {
    return new IngressTLS(tls.hosts().stream().map(host -> b.value(host)).toList(), b.value(tls.secretName()));
  }
}
