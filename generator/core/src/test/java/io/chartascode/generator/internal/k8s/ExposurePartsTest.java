package io.chartascode.generator.internal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.Generator;
import io.chartascode.generator.TestApplications;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.ServiceExposure;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Ingress and the HTTPRoute as both trees write them: the model, then the chart's template,
 * the Kustomize base and an overlay, side by side. The Ingress is on everywhere; the HTTPRoute is
 * off by default and on in prod, so prod's overlay adds it.
 */
class ExposurePartsTest {
  static final Parameter<String> HOST = Parameter.string("host", "shop.example.com").build();
  static final Parameter<SortedMap<String, String>> ANNOTATIONS =
      Parameter.stringMap("ingress.annotations", new TreeMap<>()).build();
  static final Parameter<Boolean> INGRESS = Parameter.bool("ingress.enabled", true).build();
  static final Parameter<Boolean> ROUTE = Parameter.bool("httpRoute.enabled", false).build();
  static final Parameter<Integer> PORT = Parameter.integer("service.port", 80).build();

  static final Application SHOP = withMetricsPort(TestApplications.shop())
      .parameters(HOST, ANNOTATIONS, INGRESS, ROUTE, PORT)
      .service(ServiceExposure.clusterIp(Value.of(PORT), "http").withPort(Value.fixed(9090), "metrics"))
      .ingress(Ingress.builder()
          .enabled(Value.of(INGRESS))
          .className("nginx")
          .annotations(ANNOTATIONS)
          .rule(Value.of(HOST), Ingress.Path.prefix("/"), Ingress.Path.exact("/metrics").to("metrics"))
          .rule(Value.fixed("*.shop.example.com"), Ingress.Path.prefix("/"))
          .tls(Value.fixed("shop-tls"), Value.of(HOST))
          .build())
      .httpRoute(HttpRoute.builder()
          .enabled(Value.of(ROUTE))
          .parentRef(HttpRoute.ParentRef.gateway("gateway-system", "public").section("https"))
          .hostname(Value.of(HOST))
          .rule(HttpRoute.Match.pathPrefix("/"))
          .rule(HttpRoute.Rule.matching(HttpRoute.Match.exact("/metrics").header(
              new HttpRoute.HeaderMatch(HttpRoute.HeaderMatchType.REGULAR_EXPRESSION, "user-agent", Value.fixed("^Prometheus/.*"))))
              .to("metrics"))
          .build())
      .environment(Environment.builder("staging")
          .set(HOST, "shop.staging.example.com")
          .set(ANNOTATIONS, new TreeMap<>(Map.of("nginx.ingress.kubernetes.io/ssl-redirect", "true")))
          .build())
      .environment(Environment.builder("prod")
          .set(INGRESS, false)
          .set(ROUTE, true)
          .set(PORT, 8080)
          .build())
      .build();

  static final Map<String, String> FILES = Generator.render(List.of(SHOP));

  private static Application.Builder withMetricsPort(Application.Builder shop) {
    Application app = shop.build();
    var api = app.workload().containers().get(0).toBuilder()
        .port(ContainerPort.named("metrics", Value.fixed(9090))).build();
    return app.toBuilder().workload(app.workload().toBuilder().clearContainers().container(api).build());
  }

  @Test
  void theChartTemplatesTheHostsTheAnnotationsAndThePortAndSwitchesTheWholeIngress() {
    assertThat(FILES.get("helm/shop/templates/ingress.yaml")).endsWith("""
        {{- if .Values.ingress.enabled }}
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          {{- with .Values.ingress.annotations }}
          annotations:
            {{- toYaml . | nindent 4 }}
          {{- end }}
          labels:
            {{- include "shop.labels" . | nindent 4 }}
          name: {{ include "shop.fullname" . }}
          namespace: {{ .Release.Namespace }}
        spec:
          ingressClassName: nginx
          rules:
            - host: {{ .Values.host | quote }}
              http:
                paths:
                  - backend:
                      service:
                        name: {{ include "shop.fullname" . }}
                        port:
                          number: {{ .Values.service.port }}
                    path: /
                    pathType: Prefix
                  - backend:
                      service:
                        name: {{ include "shop.fullname" . }}
                        port:
                          number: 9090
                    path: /metrics
                    pathType: Exact
            - host: "*.shop.example.com"
              http:
                paths:
                  - backend:
                      service:
                        name: {{ include "shop.fullname" . }}
                        port:
                          number: {{ .Values.service.port }}
                    path: /
                    pathType: Prefix
          tls:
            - hosts:
                - {{ .Values.host | quote }}
              secretName: shop-tls
        {{- end }}
        """);
  }

  @Test
  void theBaseHasTheDefaultsAndAnOverlayPatchesWhatItsEnvironmentChanges() {
    assertThat(FILES.get("kustomize/shop/base/ingress.yaml")).endsWith("""
        kind: Ingress
        metadata:
          name: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - backend:
                      service:
                        name: shop
                        port:
                          number: 80
                    path: /
                    pathType: Prefix
                  - backend:
                      service:
                        name: shop
                        port:
                          number: 9090
                    path: /metrics
                    pathType: Exact
            - host: "*.shop.example.com"
              http:
                paths:
                  - backend:
                      service:
                        name: shop
                        port:
                          number: 80
                    path: /
                    pathType: Prefix
          tls:
            - hosts:
                - shop.example.com
              secretName: shop-tls
        """);
    assertThat(FILES.get("kustomize/shop/overlays/staging/ingress-patch.yaml")).endsWith("""
        - op: add
          path: /metadata/annotations
          value:
            nginx.ingress.kubernetes.io/ssl-redirect: "true"
        - op: replace
          path: /spec/rules/0/host
          value: shop.staging.example.com
        - op: replace
          path: /spec/tls/0/hosts/0
          value: shop.staging.example.com
        """);
  }

  @Test
  void theHttpRouteOffByDefaultIsAddedByTheOverlayThatTurnsItOnAsTheIngressIsDeleted() {
    assertThat(FILES).doesNotContainKey("kustomize/shop/base/httproute.yaml");
    assertThat(FILES.get("kustomize/shop/overlays/prod/kustomization.yaml"))
        .contains("resources:\n  - \"../../base\"\n  - httproute.yaml\n")
        .contains("  - path: delete-ingress.yaml\n");
    assertThat(FILES.get("kustomize/shop/overlays/prod/httproute.yaml")).endsWith("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: shop
        spec:
          hostnames:
            - shop.example.com
          parentRefs:
            - name: public
              namespace: gateway-system
              sectionName: https
          rules:
            - backendRefs:
                - name: shop
                  port: 8080
              matches:
                - path:
                    type: PathPrefix
                    value: /
            - backendRefs:
                - name: shop
                  port: 9090
              matches:
                - headers:
                    - name: user-agent
                      type: RegularExpression
                      value: "^Prometheus/.*"
                  path:
                    type: Exact
                    value: /metrics
        """);
    assertThat(FILES.get("helm/shop/templates/httproute.yaml"))
        .contains("{{- if .Values.httpRoute.enabled }}\n")
        .contains("  hostnames:\n    - {{ .Values.host | quote }}\n")
        .contains("        - name: {{ include \"shop.fullname\" . }}\n          port: {{ .Values.service.port }}\n");
  }
}
