package io.chartascode.importer.plan;

import static io.chartascode.importer.plan.Shapes.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterType;
import io.chartascode.generator.model.Value;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads an input Ingress or HTTPRoute back into the model's, when it has the shape the model
 * renders: every backend is the application's Service, by a port number the Service has, and no
 * field the model does not write (a default backend, filters, a parentRef's group or port...).
 * Hosts become parameters, since they differ between environments, and so do the switch and the
 * Ingress's annotations; the rest stays fixed. Anything else is left to the caller to report.
 *
 * <p>An HTTPRoute's match without a path, or a header match without a type, is read with the
 * Gateway API's defaults ({@code PathPrefix /}, {@code Exact}), which the model then writes out;
 * the importer's comparison lists those fields as added.
 */
final class ExposureReader {
  private static final Pattern HOSTNAME = Pattern.compile(PlanInterpreter.pattern("HOSTNAME"));

  private final Names names;
  private final String service;
  private final Map<Integer, Optional<String>> ports;
  private final String prefix;
  private final List<ParameterPlan> parameters = new ArrayList<>();
  private final Map<String, Value<String>> hosts = new LinkedHashMap<>();

  private ExposureReader(Reading reading, String prefix) {
    this.names = reading.names();
    // Chosen only with a Service, whose name every backend has.
    this.service = reading.chosen(Service.class).orElseThrow().name();
    this.ports = ServiceReader.of(reading).portNames();
    this.prefix = prefix;
  }

  /** The model's Ingress for {@code tree}, if it is one; its parameters are declared only then. */
  static Optional<Exposure<Ingress>> ingress(JsonNode tree, Reading reading) {
    return declared(new ExposureReader(reading, "ingress").ingress(tree), reading);
  }

  /** The model's HTTPRoute for {@code tree}, if it is one; its parameters are declared only then. */
  static Optional<Exposure<HttpRoute>> httpRoute(JsonNode tree, Reading reading) {
    return declared(new ExposureReader(reading, "httpRoute").httpRoute(tree), reading);
  }

  /** Whether {@code backends} are all the chosen Service, so the object that has them belongs to the application. */
  static boolean allTo(List<JsonNode> backends, Reading reading) {
    Optional<String> service = reading.chosen(Service.class).map(InputObject::name);
    return service.isPresent() && !backends.isEmpty() && backends.stream().allMatch(name -> name.asText("").equals(service.get()));
  }

  /** Why an Ingress or HTTPRoute is not imported. */
  static String notImported(String kind, InputObject deployment) {
    return "the model has one " + kind + ", whose backends are all the Service of " + deployment.id()
        + " by a port number it has, with no field the model does not write (a default backend,"
        + " filters, a parentRef's group, kind or port); keep this one as a separate manifest";
  }

  private static <T> Optional<Exposure<T>> declared(Optional<Exposure<T>> read, Reading reading) {
    read.ifPresent(exposure -> exposure.parameters().forEach(reading::declare));
    return read;
  }

  private Optional<Exposure<Ingress>> ingress(JsonNode tree) {
    JsonNode spec = tree.path("spec");
    if (!onlyFields(spec, "ingressClassName", "rules", "tls") || !spec.path("rules").isArray()) {
      return Optional.empty();
    }
    Ingress.Builder ingress = Ingress.builder().enabled(enabled("Ingress"));
    if (spec.has("ingressClassName")) {
      if (!spec.path("ingressClassName").isTextual()) {
        return Optional.empty();
      }
      ingress.className(spec.path("ingressClassName").asText());
    }
    for (JsonNode rule : spec.path("rules")) {
      JsonNode paths = rule.at("/http/paths");
      if (!onlyFields(rule, "host", "http") || !onlyFields(rule.path("http"), "paths") || !rule.path("host").isTextual()
          || !paths.isArray() || paths.isEmpty()) {
        return Optional.empty();
      }
      List<Ingress.Path> read = new ArrayList<>();
      for (JsonNode path : paths) {
        Optional<Ingress.Path> one = path(path);
        if (one.isEmpty()) {
          return Optional.empty();
        }
        read.add(one.get());
      }
      ingress.rule(new Ingress.Rule(host(rule.path("host").asText()), read));
    }
    for (JsonNode tls : spec.path("tls")) {
      JsonNode hosts = tls.path("hosts");
      if (!onlyFields(tls, "hosts", "secretName") || !tls.path("secretName").isTextual() || !hosts.isArray()
          || hosts.isEmpty() || !allText(hosts)) {
        return Optional.empty();
      }
      List<Value<String>> values = new ArrayList<>();
      hosts.forEach(host -> values.add(host(host.asText())));
      ingress.tls(new Ingress.Tls(values, Value.fixed(tls.path("secretName").asText())));
    }
    JsonNode annotations = tree.at("/metadata/annotations");
    if (annotations.isObject() && !annotations.isEmpty()) {
      SortedMap<String, String> map = new TreeMap<>();
      annotations.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
      ingress.annotations(parameter(declare(ParameterPlan.of(names.unique("INGRESS_ANNOTATIONS"),
          ParameterType.STRING_MAP, names.unique("ingress.annotations"), map,
          "Annotations of the Ingress, e.g. the controller's settings; a values file can add to them."))));
    }
    return Optional.of(new Exposure<>(ingress.build(), parameters));
  }

  private Optional<Ingress.Path> path(JsonNode path) {
    JsonNode port = path.at("/backend/service/port");
    if (!onlyFields(path, "path", "pathType", "backend") || !onlyFields(path.path("backend"), "service")
        || !onlyFields(path.at("/backend/service"), "name", "port") || !onlyFields(port, "number")
        || !path.at("/backend/service/name").asText("").equals(service) || !path.path("path").isTextual()) {
      return Optional.empty();
    }
    Optional<Ingress.PathType> type = Arrays.stream(Ingress.PathType.values())
        .filter(t -> t.kubernetesName().equals(path.path("pathType").asText())).findFirst();
    Optional<Optional<String>> servicePort = servicePort(port.path("number"));
    if (type.isEmpty() || servicePort.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Ingress.Path(Value.fixed(path.path("path").asText()), type.get(), servicePort.get()));
  }

  private Optional<Exposure<HttpRoute>> httpRoute(JsonNode tree) {
    JsonNode spec = tree.path("spec");
    if (!onlyFields(spec, "parentRefs", "hostnames", "rules") || !spec.path("rules").isArray()
        || !spec.path("parentRefs").isArray() || !allText(spec.path("hostnames"))) {
      return Optional.empty();
    }
    HttpRoute.Builder route = HttpRoute.builder().enabled(enabled("HTTPRoute"));
    for (JsonNode parent : spec.path("parentRefs")) {
      if (!onlyFields(parent, "name", "namespace", "sectionName") || !parent.path("name").isTextual()
          || !textOrMissing(parent.path("namespace")) || !textOrMissing(parent.path("sectionName"))) {
        return Optional.empty();
      }
      route.parentRef(new HttpRoute.ParentRef(Value.fixed(parent.path("name").asText()),
          text(parent.path("namespace")).map(Value::fixed), text(parent.path("sectionName"))));
    }
    spec.path("hostnames").forEach(hostname -> route.hostname(host(hostname.asText())));
    for (JsonNode rule : spec.path("rules")) {
      JsonNode refs = rule.path("backendRefs");
      if (!onlyFields(rule, "matches", "backendRefs") || !rule.path("matches").isArray() || rule.path("matches").isEmpty()
          || !refs.isArray() || refs.size() != 1 || !onlyFields(refs.get(0), "name", "port")
          || !refs.get(0).path("name").asText("").equals(service)) {
        return Optional.empty();
      }
      Optional<Optional<String>> servicePort = servicePort(refs.get(0).path("port"));
      List<HttpRoute.Match> matches = new ArrayList<>();
      for (JsonNode match : rule.path("matches")) {
        Optional<HttpRoute.Match> one = match(match);
        if (one.isEmpty()) {
          return Optional.empty();
        }
        matches.add(one.get());
      }
      if (servicePort.isEmpty()) {
        return Optional.empty();
      }
      route.rule(new HttpRoute.Rule(matches, servicePort.get()));
    }
    return Optional.of(new Exposure<>(route.build(), parameters));
  }

  private static Optional<HttpRoute.Match> match(JsonNode match) {
    JsonNode path = match.path("path");
    if (!onlyFields(match, "path", "headers") || (match.has("path") && !onlyFields(path, "type", "value"))) {
      return Optional.empty();
    }
    Optional<HttpRoute.PathType> type = Arrays.stream(HttpRoute.PathType.values())
        .filter(t -> t.kubernetesName().equals(path.path("type").asText("PathPrefix"))).findFirst();
    if (type.isEmpty() || !textOrMissing(path.path("value"))) {
      return Optional.empty();
    }
    List<HttpRoute.HeaderMatch> headers = new ArrayList<>();
    for (JsonNode header : match.path("headers")) {
      Optional<HttpRoute.HeaderMatchType> headerType = Arrays.stream(HttpRoute.HeaderMatchType.values())
          .filter(t -> t.kubernetesName().equals(header.path("type").asText("Exact"))).findFirst();
      if (!onlyFields(header, "name", "type", "value") || !header.path("name").isTextual()
          || !header.path("value").isTextual() || headerType.isEmpty()) {
        return Optional.empty();
      }
      headers.add(new HttpRoute.HeaderMatch(headerType.get(), header.path("name").asText(),
          Value.fixed(header.path("value").asText())));
    }
    return Optional.of(new HttpRoute.Match(type.get(), Value.fixed(path.path("value").asText("/")), headers));
  }

  /** The model's name for the Service port {@code number}, if the Service has it. */
  private Optional<Optional<String>> servicePort(JsonNode number) {
    return number.isIntegralNumber() ? Optional.ofNullable(ports.get(number.asInt())) : Optional.empty();
  }

  /** The switch, on by default as the input has the object; an environment can turn it off. */
  private Value<Boolean> enabled(String kind) {
    ParameterPlan enabled = declare(ParameterPlan.of(names.unique(Names.upperSnake(prefix) + "_ENABLED"),
        ParameterType.BOOLEAN, names.unique(prefix + ".enabled"), true, "Whether the " + kind + " exists."));
    return Value.of(parameter(enabled));
  }

  /** One parameter per distinct host, shared by the rules and TLS entries that name it. */
  private Value<String> host(String host) {
    return hosts.computeIfAbsent(host, h -> {
      String field = prefix.equals("ingress") ? "host" : "hostname";
      ParameterPlan plan = ParameterPlan.of(names.unique(Names.upperSnake(prefix + "_" + field)), ParameterType.STRING,
          names.unique(prefix + "." + field), h, (prefix.equals("ingress") ? "Host of the Ingress." : "Hostname of the HTTPRoute.")
              + " Environments usually have their own.");
      return Value.of(parameter(declare(HOSTNAME.matcher(h).matches() ? plan.withPattern("HOSTNAME") : plan)));
    });
  }

  @SuppressWarnings("unchecked")
  private static <T> Parameter<T> parameter(ParameterPlan plan) {
    return (Parameter<T>) PlanInterpreter.declared(plan);
  }

  private ParameterPlan declare(ParameterPlan parameter) {
    parameters.add(parameter);
    return parameter;
  }

  private static boolean allText(JsonNode list) {
    if (list.isMissingNode()) {
      return true;
    }
    if (!list.isArray()) {
      return false;
    }
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean textOrMissing(JsonNode node) {
    return node.isMissingNode() || node.isTextual();
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }
}
