package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.internal.k8s.LabelSet;
import io.chartascode.generator.GeneratedHeader;

/**
 * {@code templates/_helpers.tpl}: names and labels, following {@code helm create}. Names are cut
 * to 63 characters, the DNS-1123 label limit. When the release name contains the chart name the
 * fullname is the release name, so release {@code envapp} names every object {@code envapp},
 * exactly as the Kustomize base does.
 */
final class HelpersTemplate {
  private HelpersTemplate() {}

  static String render(TemplateNames n, GeneratedHeader header) {
    return """
        %s
        {{/* The chart name, at most 63 characters. */}}
        {{- define "%s" -}}
        {{- .Chart.Name | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{/*
        The fully qualified name of every object, at most 63 characters. If the release name
        contains the chart name it is used as is: release "%s" gives "%s".
        */}}
        {{- define "%s" -}}
        {{- if contains .Chart.Name .Release.Name }}
        {{- .Release.Name | trunc 63 | trimSuffix "-" }}
        {{- else }}
        {{- printf "%%s-%%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
        {{- end }}
        {{- end }}

        {{/* Chart name and version, for the helm.sh/chart label. */}}
        {{- define "%s" -}}
        {{- printf "%%s-%%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
        {{- end }}

        {{/* Selector labels: name and instance only, because selectors are immutable. */}}
        {{- define "%s" -}}
        app.kubernetes.io/name: {{ include "%s" . }}
        app.kubernetes.io/instance: {{ .Release.Name }}
        {{- end }}

        {{/* Pod template labels: no chart version, so a chart bump alone restarts no pod. */}}
        {{- define "%s" -}}
        {{ include "%s" . }}
        app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
        {{- end }}

        {{/* Object labels. */}}
        {{- define "%s" -}}
        helm.sh/chart: {{ include "%s" . }}
        {{ include "%s" . }}
        app.kubernetes.io/managed-by: {{ .Release.Service }}
        {{- end }}
        """
        .formatted(
            header.template(),
            n.name(),
            n.chart(),
            n.chart(),
            n.fullname(),
            n.chartLabel(),
            n.labels(LabelSet.SELECTOR),
            n.name(),
            n.labels(LabelSet.POD),
            n.labels(LabelSet.SELECTOR),
            n.labels(LabelSet.OBJECT),
            n.chartLabel(),
            n.labels(LabelSet.POD));
  }
}
