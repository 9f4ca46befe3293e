package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Ingress;
import io.chartascode.importer.compare.Difference;
import io.chartascode.importer.read.ManifestReader;
import org.junit.jupiter.api.Test;

/**
 * The importer reads an Ingress and an HTTPRoute to the application's Service into the model, hosts
 * and the switch as parameters; one the model cannot write as it is, it lists as not imported, and
 * the Gateway API's defaults it fills in show up as differences. Inputs and results side by side.
 */
class ExposureImportTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels:
              app.kubernetes.io/name: web
          spec:
            containers:
              - name: web
                image: ghcr.io/acme/web:1.0.0
                ports:
                  - name: http
                    containerPort: 8080
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector:
          app.kubernetes.io/name: web
        ports:
          - name: http
            port: 80
            targetPort: http
      """;

  private static ImportResult importing(String exposure) {
    return Importer.importObjects(ManifestReader.parse("in.yaml", APP + "---\n" + exposure), ImportRequest.of().withEnvironment("prod"));
  }

  @Test
  void anIngressBecomesTheModelsWithItsHostAsAParameterSharedWithTls() {
    ImportResult result = importing("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          rules:
            - host: web.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
          tls:
            - hosts: [web.example.com]
              secretName: web-tls
        """);

    assertThat(result.report().skipped()).isEmpty();
    assertThat(result.application().ingress()).isPresent();
    assertThat(result.source()).contains("""
                .ingress(Ingress.builder()
                    .enabled(Value.of(INGRESS_ENABLED))
                    .rule(Value.of(INGRESS_HOST), Ingress.Path.prefix("/"))
                    .tls(Value.fixed("web-tls"), Value.of(INGRESS_HOST))
                    .build())
        """);
    assertThat(result.report().differences()).noneMatch(d -> d.object().startsWith("Ingress/") && d.path().startsWith("spec"));
  }

  @Test
  void anHttpRouteWithoutTheDefaultTypesIsReadWithThemAndTheyAreListed() {
    ImportResult result = importing("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
        spec:
          parentRefs:
            - name: public
              namespace: gateway-system
              sectionName: https
          hostnames: [web.example.com]
          rules:
            - matches:
                - headers:
                    - name: x-canary
                      value: "true"
              backendRefs:
                - name: web
                  port: 80
        """);

    HttpRoute route = result.application().httpRoute().orElseThrow();
    assertThat(route.rules().get(0).matches()).containsExactly(HttpRoute.Match.pathPrefix("/").header("x-canary", "true"));
    assertThat(result.source()).contains("""
                .httpRoute(HttpRoute.builder()
                    .enabled(Value.of(HTTP_ROUTE_ENABLED))
                    .parentRef(HttpRoute.ParentRef.gateway("gateway-system", "public").section("https"))
                    .hostname(Value.of(HTTP_ROUTE_HOSTNAME))
                    .rule(HttpRoute.Match.pathPrefix("/").header("x-canary", "true"))
                    .build())
        """);
    assertThat(result.report().differences())
        .filteredOn(d -> d.object().equals("HTTPRoute/web") && d.path().startsWith("spec"))
        .extracting(Difference::path, Difference::input, Difference::model)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spec.rules[0].matches[0].headers[x-canary].type", "absent", "\"Exact\""),
            org.assertj.core.groups.Tuple.tuple("spec.rules[0].matches[0].path", "absent", "{\"type\":\"PathPrefix\",\"value\":\"/\"}"));
  }

  @Test
  void oneTheModelCannotWriteIsListedWithTheReason() {
    ImportResult result = importing("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
        spec:
          defaultBackend:
            service:
              name: web
              port:
                number: 80
          rules:
            - host: web.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 8080
        """);

    assertThat(result.application().ingress()).isEmpty();
    assertThat(result.report().skipped()).singleElement().satisfies(s -> {
      assertThat(s.object()).isEqualTo("Ingress/web");
      assertThat(s.reason()).startsWith("the model has one Ingress, whose backends are all the Service of Deployment/web"
          + " by a port number it has, with no field the model does not write (a default backend,");
    });
    assertThat(result.source()).doesNotContain(Ingress.class.getSimpleName() + ".builder()");
  }
}
