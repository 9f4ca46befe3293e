package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Ingress and the HTTPRoute are whole, and what they name is spelled as the API server wants,
 * by default and in every environment: an Ingress has rules, each with a path, and TLS entries with
 * hosts; an HTTPRoute has a Gateway and rules, each with a match; the ingress class, TLS Secrets and Gateways are object names, a Gateway's
 * namespace a namespace name, header names HTTP tokens, and annotation keys qualified names.
 */
final class RouteReferencesRule implements Rule {
  /** RFC 7230's token, the Gateway API's HTTPHeaderName. */
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]{1,256}");

  @Override
  public String id() {
    return "CAC-ROUTE-006";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    app.ingress().ifPresent(ingress -> ingress(app, ingress, findings));
    app.httpRoute().ifPresent(route -> httpRoute(app, route, findings));
    return findings;
  }

  private void ingress(Application app, Ingress ingress, List<Finding> findings) {
    String path = Routes.ingress(app);
    if (ingress.rules().isEmpty()) {
      findings.add(finding(path + ".rules", "are empty; add a rule with Ingress.Builder.rule(host, path)"));
    }
    for (int i = 0; i < ingress.rules().size(); i++) {
      if (ingress.rules().get(i).paths().isEmpty()) {
        findings.add(finding(path + ".rules[" + i + "].paths", "are empty; add Ingress.Path.prefix(\"/\") for every request"));
      }
    }
    for (int i = 0; i < ingress.tls().size(); i++) {
      if (ingress.tls().get(i).hosts().isEmpty()) {
        findings.add(finding(path + ".tls[" + i + "].hosts", "are empty; name the hosts the certificate is for"));
      }
    }
    ingress.className().ifPresent(name -> names(app, path + ".className", name, KubernetesNames::isObjectName,
        "an IngressClass name (a DNS-1123 subdomain)", findings));
    for (int i = 0; i < ingress.tls().size(); i++) {
      names(app, path + ".tls[" + i + "].secretName", ingress.tls().get(i).secretName(), KubernetesNames::isObjectName,
          "a Secret name (a DNS-1123 subdomain)", findings);
    }
    ingress.annotations().ifPresent(p -> PodRule.annotationKeys(this, app, p, findings));
  }

  private void httpRoute(Application app, HttpRoute route, List<Finding> findings) {
    String path = Routes.httpRoute(app);
    if (route.parentRefs().isEmpty()) {
      findings.add(finding(path + ".parentRefs", "are empty, so the route serves nothing; attach it to a Gateway"
          + " with HttpRoute.Builder.parentRef(...)"));
    }
    if (route.rules().isEmpty()) {
      findings.add(finding(path + ".rules", "are empty; add a rule with HttpRoute.Builder.rule(match)"));
    }
    for (int i = 0; i < route.parentRefs().size(); i++) {
      HttpRoute.ParentRef parent = route.parentRefs().get(i);
      String at = path + ".parentRefs[" + i + "]";
      names(app, at + ".name", parent.name(), KubernetesNames::isObjectName, "a Gateway name (a DNS-1123 subdomain)",
          findings);
      parent.namespace().ifPresent(ns -> names(app, at + ".namespace", ns, KubernetesNames::isDnsLabel,
          "a namespace name (a DNS-1123 label)", findings));
      parent.sectionName().filter(name -> !KubernetesNames.isObjectName(name)).ifPresent(name ->
          findings.add(finding(at + ".sectionName", "'" + name + "' is not a listener name (a DNS-1123 subdomain)")));
    }
    for (int i = 0; i < route.rules().size(); i++) {
      HttpRoute.Rule rule = route.rules().get(i);
      if (rule.matches().isEmpty()) {
        findings.add(finding(path + ".rules[" + i + "].matches", "are empty; add HttpRoute.Match.pathPrefix(\"/\")"
            + " for every request"));
      }
      for (int j = 0; j < rule.matches().size(); j++) {
        for (HttpRoute.HeaderMatch header : rule.matches().get(j).headers()) {
          if (!HEADER_NAME.matcher(header.name()).matches()) {
            findings.add(finding(path + ".rules[" + i + "].matches[" + j + "].headers[" + header.name() + "]",
                "'" + header.name() + "' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"));
          }
        }
      }
    }
  }

  private void names(Application app, String path, Value<String> name, Predicate<String> valid, String what,
      List<Finding> findings) {
    Routes.refused(new Routes.Field(path, name), Scenario.of(app), valid,
        (value, s) -> findings.add(finding(path, Values.show(value) + " " + s.description() + " is not " + what)));
  }
}
