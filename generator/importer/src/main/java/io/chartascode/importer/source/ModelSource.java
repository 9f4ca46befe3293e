package io.chartascode.importer.source;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.chartascode.generator.model.AntiAffinity;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.ParameterType;
import io.chartascode.generator.model.TopologySpread;
import io.chartascode.importer.ImportReport;
import io.chartascode.importer.plan.ApplicationPlan;
import io.chartascode.importer.plan.ContainerPlan;
import io.chartascode.importer.plan.KeySourcePlan;
import io.chartascode.importer.plan.ParameterPlan;
import io.chartascode.importer.plan.ValuePlan;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The Java source of an imported model, written with javapoet in the shape of {@code EnvApp}: one
 * constant per parameter, then {@code application()} with the model's builders, and the class
 * implements {@code Catalog} so {@code -Dchartascode.catalog=...} can generate it on its own.
 *
 * <p>It must build exactly what {@link io.chartascode.importer.plan.PlanInterpreter} builds from
 * the same plan; the round-trip tests compile it and compare.
 */
public final class ModelSource {
  private static final String MODEL = "io.chartascode.generator.model";
  private static final ClassName APPLICATION = ClassName.get(MODEL, "Application");
  private static final ClassName ANTI_AFFINITY = ClassName.get(AntiAffinity.class);
  private static final ClassName CATALOG = ClassName.get("io.chartascode.generator", "Catalog");
  private static final ClassName CONFIGURATION = ClassName.get(MODEL, "Configuration");
  private static final ClassName CONTAINER = ClassName.get(MODEL, "Container");
  private static final ClassName CONTAINER_PORT = ClassName.get(MODEL, "ContainerPort");
  private static final ClassName ENVIRONMENT = ClassName.get(MODEL, "Environment");
  private static final ClassName ENV_VAR = ClassName.get(MODEL, "EnvVar");
  private static final ClassName HTTP_PROBE = ClassName.get(MODEL, "HttpProbe");
  private static final ClassName IMAGE = ClassName.get(MODEL, "Image");
  private static final ClassName OPT_OUT = ClassName.get(OptOut.class);
  private static final ClassName PARAMETER = ClassName.get(MODEL, "Parameter");
  private static final ClassName PATTERNS = ClassName.get(MODEL, "Patterns");
  private static final ClassName RESOURCES = ClassName.get(MODEL, "Resources");
  private static final ClassName SECRET_REFERENCE = ClassName.get(MODEL, "SecretReference");
  private static final ClassName TOPOLOGY_SPREAD = ClassName.get(TopologySpread.class);
  private static final ClassName VALUE = ClassName.get(MODEL, "Value");
  private static final ClassName WORKLOAD = ClassName.get(MODEL, "Workload");
  private static final int LINE = 100;
  /** The longest piece of a string literal on one line. */
  private static final int TEXT_CHUNK = 64;
  /** Where {@code .image(...)} starts in a container's builder chain inside {@code application()}. */
  private static final int CHAIN_INDENT = 12;

  private ModelSource() {}

  /** The complete file, formatted, ending in one newline; the same plan always gives the same bytes. */
  public static String write(ApplicationPlan plan, ImportReport report, String packageName, String className) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(CATALOG)
            .addJavadoc(
                "$L, imported by the chart-as-code importer from\n$L.\n\n"
                    + "<p>Values that usually differ between environments are parameters whose defaults are the\n"
                    + "imported values. Read the notes at the top of this file, then refine the model: descriptions,\n"
                    + "constraints, and environments such as\n"
                    + "{@code Environment.builder(\"dev\").namespace(\"$L-dev\").set(TAG, \"...\")}.\n",
                plan.name(), comment(String.join(", ", report.files())), plan.name());
    plan.parameters().forEach(p -> type.addField(field(p)));
    plan.keySources().forEach(k -> type.addField(field(k)));
    type.addMethod(application(plan));
    type.addMethod(
        MethodSpec.methodBuilder("applications")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), APPLICATION))
            .addStatement("return $T.of(application())", List.class)
            .build());
    JavaFile.Builder file =
        JavaFile.builder(packageName, type.build())
            .addFileComment("$L", comment(String.join("\n", report.lines())))
            .skipJavaLangImports(true)
            .indent("  ");
    if (plan.parameters().stream().anyMatch(p -> p.defaultValue() instanceof Map<?, ?> m && !m.isEmpty())) {
      file.addStaticImport(Map.class, "entry");
    }
    // javapoet leaves a space after "=" when an initializer starts on the next line, and no blank
    // line between the file comment and the package.
    return file.build().toString().replaceAll("[ \t]+\n", "\n").replaceFirst("\npackage ", "\n\npackage ");
  }

  private static FieldSpec field(ParameterPlan p) {
    CodeBlock.Builder init = CodeBlock.builder().add("\n$>$>$T.$L($S, ", PARAMETER, factory(p.type()), p.name());
    init.add(defaultValue(p)).add(")$>$>");
    if (!p.description().isEmpty()) {
      init.add("\n.description($L)", text(p.description()));
    }
    p.pattern().ifPresent(field -> init.add("\n.pattern($T.$L)", PATTERNS, field));
    if (!p.allowedValues().isEmpty()) {
      init.add("\n.allowedValues($L)", strings(p.allowedValues()));
    }
    if (!p.forbiddenValues().isEmpty()) {
      init.add("\n.forbiddenValues($L)", strings(p.forbiddenValues()));
    }
    p.minimum().ifPresent(min -> init.add("\n.minimum($L)", min));
    p.maximum().ifPresent(max -> init.add("\n.maximum($L)", max));
    init.add("\n.build()$<$<$<$<");
    return FieldSpec.builder(ParameterizedTypeName.get(PARAMETER, javaType(p.type())), p.constant())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.build())
        .build();
  }

  /** {@code Configuration.builder("config").literal(...)...build()} or {@code SecretReference.builder(...)...build()}. */
  private static FieldSpec field(KeySourcePlan source) {
    CodeBlock.Builder init = CodeBlock.builder();
    ClassName type;
    if (source instanceof KeySourcePlan.ConfigurationPlan c) {
      type = CONFIGURATION;
      init.add("\n$>$>$T.builder($S)$>$>", CONFIGURATION, c.name());
      c.data().forEach((key, value) -> init.add("\n.literal($S, $L)", key, text(value)));
    } else {
      KeySourcePlan.SecretPlan secret = (KeySourcePlan.SecretPlan) source;
      type = SECRET_REFERENCE;
      init.add("\n$>$>$T.builder($S)$>$>", SECRET_REFERENCE, secret.secretName());
      secret.keys().forEach((key, description) -> init.add("\n.key($S, $S)", key, description));
    }
    return FieldSpec.builder(type, source.constant())
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .initializer(init.add("\n.build()$<$<$<$<").build())
        .build();
  }

  private static CodeBlock defaultValue(ParameterPlan p) {
    Object value = p.defaultValue();
    if (value instanceof SortedMap<?, ?> map) {
      if (map.isEmpty()) {
        return CodeBlock.of("new $T<>()", TreeMap.class);
      }
      List<CodeBlock> entries =
          map.entrySet().stream().map(e -> CodeBlock.of("entry($S, $S)", e.getKey(), e.getValue())).toList();
      return CodeBlock.of("new $T<>($T.ofEntries($>$>$>$>\n$L$<$<$<$<))",
          TreeMap.class, Map.class, CodeBlock.join(entries, ",\n"));
    }
    return value instanceof String ? CodeBlock.of("$S", value) : CodeBlock.of("$L", value);
  }

  private static MethodSpec application(ApplicationPlan plan) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("application").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(APPLICATION);
    NameAllocator locals = new NameAllocator();
    locals.newName("workload", "workload");
    List<String> initVariables = containerVariables(method, locals, plan.workload().initContainers());
    List<String> containerVariables = containerVariables(method, locals, plan.workload().containers());
    method.addStatement("$T workload =\n$L", WORKLOAD, workload(plan.workload(), initVariables, containerVariables));
    method.addCode("\n");
    method.addStatement("return $L", app(plan));
    return method.build();
  }

  /** One local variable per container, declared in {@code method}; their names, in order. */
  private static List<String> containerVariables(MethodSpec.Builder method, NameAllocator locals, List<ContainerPlan> containers) {
    List<String> variables = new ArrayList<>();
    for (ContainerPlan c : containers) {
      String variable = locals.newName(io.chartascode.importer.plan.Names.lowerCamel(c.name()), c);
      variables.add(variable);
      method.addStatement("$T $N =\n$L", CONTAINER, variable, container(c));
      method.addCode("\n");
    }
    return variables;
  }

  private static CodeBlock container(ContainerPlan c) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder($S)$>$>", CONTAINER, c.name());
    if (c.hub() instanceof ValuePlan.Ref hub && c.image() instanceof ValuePlan.Ref image
        && c.tag() instanceof ValuePlan.Ref tag) {
      code.add(call("image", IMAGE, "of",
          List.of(hub.parameter().constant(), image.parameter().constant(), tag.parameter().constant())));
    } else {
      code.add("\n.image(new $T($L, $L, $L))", IMAGE, value(c.hub()), value(c.image()), value(c.tag()));
    }
    code.add("\n.pullPolicy($L)", value(c.pullPolicy()));
    for (ContainerPlan.Port port : c.ports()) {
      if (port.name().equals("http")) {
        code.add("\n.port($T.http($L))", CONTAINER_PORT, port.number());
      } else {
        code.add("\n.port($T.named($S, $T.fixed($L)))", CONTAINER_PORT, port.name(), VALUE, port.number());
      }
    }
    for (ContainerPlan.Env e : c.env()) {
      if (e.value().isPresent()) {
        code.add("\n.env($S, $L)", e.name(), value(e.value().get()));
      } else if (e.key().isPresent()) {
        code.add("\n.env($T.from($S, $N, $S))", ENV_VAR, e.name(), e.key().get().source().constant(), e.key().get().key());
      } else {
        code.add("\n.env($T.from($S,\n$>$>$L$<$<))", ENV_VAR, e.name(),
            Fabric8Source.builder(e.source().orElseThrow(), EnvVarSource.class));
      }
    }
    c.envFrom().forEach(from -> code.add("\n.envFrom($N$L)", from.source().constant(),
        from.prefix().isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $S", from.prefix())));
    c.extraEnv().ifPresent(extra -> code.add("\n.extraEnv($N)", extra.constant()));
    List<ValuePlan> resources = List.of(c.cpuRequest(), c.memoryRequest(), c.cpuLimit(), c.memoryLimit());
    if (resources.stream().allMatch(ValuePlan.Ref.class::isInstance)) {
      code.add(call("resources", RESOURCES, "of",
          resources.stream().map(r -> ((ValuePlan.Ref) r).parameter().constant()).toList()));
    } else {
      code.add("\n.resources(new $T($L))", RESOURCES,
          CodeBlock.join(resources.stream().map(ModelSource::value).toList(), ", "));
    }
    c.liveness().ifPresent(p -> code.add("\n.liveness($L)", probe(p)));
    c.readiness().ifPresent(p -> code.add("\n.readiness($L)", probe(p)));
    c.startup().ifPresent(p -> code.add("\n.startup($L)", probe(p)));
    c.lifecycle().ifPresent(l -> code.add("\n.lifecycle(\n$>$>$L$<$<)", Fabric8Source.builder(l, Lifecycle.class)));
    if (!c.command().isEmpty()) {
      code.add("\n.command($L)", strings(c.command()));
    }
    if (!c.args().isEmpty()) {
      code.add("\n.args($L)", strings(c.args()));
    }
    code.add("\n.securityContext(\n$>$>$L$<$<)", Fabric8Source.builder(c.securityContext(), SecurityContext.class));
    c.writableDirectories().forEach(dir -> code.add("\n.writableDirectory($S)", dir));
    c.mounts().forEach(m -> code.add("\n.mount(\n$>$>$L$<$<)", Fabric8Source.builder(m, VolumeMount.class)));
    return code.add("\n.build()$<$<").build();
  }

  /** {@code HttpProbe.get(path, port)} where the probe is exactly that; builder code otherwise. */
  private static CodeBlock probe(com.fasterxml.jackson.databind.node.ObjectNode tree) {
    return Fabric8Source.read(tree, Probe.class)
        .flatMap(HttpProbe::of)
        .map(p -> CodeBlock.of("$T.get($S, $S)", HTTP_PROBE, p.path(), p.portName()))
        .orElseGet(() -> CodeBlock.of("\n$>$>$L$<$<", Fabric8Source.builder(tree, Probe.class)));
  }

  private static CodeBlock workload(ApplicationPlan.Workload w, List<String> initContainers, List<String> containers) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", WORKLOAD);
    code.add("\n.replicas($L)", value(w.replicas()));
    initContainers.forEach(c -> code.add("\n.initContainer($N)", c));
    containers.forEach(c -> code.add("\n.container($N)", c));
    code.add("\n.podSecurityContext(\n$>$>$L$<$<)", Fabric8Source.builder(w.podSecurityContext(), PodSecurityContext.class));
    w.terminationGracePeriodSeconds().ifPresent(t -> code.add("\n.terminationGracePeriodSeconds($LL)", t));
    w.nodeSelector().forEach((k, v) -> code.add("\n.nodeSelector($S, $S)", k, v));
    w.imagePullSecrets().forEach(name -> code.add("\n.imagePullSecret($S)", name));
    w.priorityClassName().ifPresent(name -> code.add("\n.priorityClassName($S)", name));
    w.strategy().ifPresent(st -> code.add("\n.strategy(\n$>$>$L$<$<)", Fabric8Source.builder(st, DeploymentStrategy.class)));
    w.volumes().forEach(v -> code.add("\n.volume(\n$>$>$L$<$<)", Fabric8Source.builder(v, Volume.class)));
    w.keyVolumes().forEach(v -> code.add("\n.volume($S, $N$L)", v.name(), v.source().constant(),
        v.keys().isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", strings(v.keys()))));
    w.podAnnotations().ifPresent(p -> code.add("\n.podAnnotations($N)", p.constant()));
    w.podLabels().ifPresent(p -> code.add("\n.podLabels($N)", p.constant()));
    w.tolerations().forEach(t -> code.add("\n.toleration(\n$>$>$L$<$<)", Fabric8Source.builder(t, Toleration.class)));
    List<TopologySpread> spreads = new ArrayList<>(w.topologySpreads());
    boolean acrossNodes =
        w.antiAffinity().equals(java.util.Optional.of(AntiAffinity.preferDistinctNodes()))
            && !spreads.isEmpty()
            && spreads.get(spreads.size() - 1).equals(TopologySpread.preferAcrossNodes());
    if (acrossNodes) {
      spreads.remove(spreads.size() - 1);
    }
    spreads.forEach(s -> code.add("\n.topologySpread($L)", spread(s)));
    if (acrossNodes) {
      code.add("\n.spreadAcrossNodes()");
    } else {
      w.antiAffinity().ifPresent(a -> code.add("\n.antiAffinity($L)", antiAffinity(a)));
    }
    return code.add("\n.build()$<$<").build();
  }

  private static CodeBlock spread(TopologySpread s) {
    if (s.equals(TopologySpread.preferAcrossNodes())) {
      return CodeBlock.of("$T.preferAcrossNodes()", TOPOLOGY_SPREAD);
    }
    return CodeBlock.of("new $T($L, $L, $S)", TOPOLOGY_SPREAD, topologyKey(s.topologyKey()), s.maxSkew(), s.whenUnsatisfiable());
  }

  private static CodeBlock antiAffinity(AntiAffinity a) {
    if (a.equals(AntiAffinity.preferDistinctNodes())) {
      return CodeBlock.of("$T.preferDistinctNodes()", ANTI_AFFINITY);
    }
    return CodeBlock.of("new $T($L, $L)", ANTI_AFFINITY, topologyKey(a.topologyKey()), a.weight());
  }

  private static CodeBlock topologyKey(String key) {
    return key.equals(TopologySpread.HOSTNAME) ? CodeBlock.of("$T.HOSTNAME", TOPOLOGY_SPREAD) : CodeBlock.of("$S", key);
  }

  private static CodeBlock app(ApplicationPlan plan) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder($S)", APPLICATION, plan.name());
    plan.chartVersion().ifPresent(v -> code.add("\n.chartVersion($S)", v));
    plan.appVersion().ifPresent(v -> code.add("\n.appVersion($S)", v));
    code.add("\n.parameters(\n$>$>$L$<$<)", wrapped(plan.parameters().stream().map(ParameterPlan::constant).toList()));
    code.add("\n.workload(workload)");
    plan.parts().forEach(part -> code.add(part.source()));
    plan.labels().ifPresent(p -> code.add("\n.labels($N)", p.constant()));
    plan.optOuts().forEach((optOut, reason) -> code.add("\n.optOut($T.$L,\n$>$>$L$<$<)", OPT_OUT, optOut.name(), text(reason)));
    plan.environment()
        .ifPresent(
            e -> {
              code.add("\n.environment($T.builder($S)", ENVIRONMENT, e.name());
              e.namespace().ifPresent(ns -> code.add(".namespace($S)", ns));
              code.add(".build())");
            });
    return code.add("\n.build()").build();
  }

  /**
   * {@code .method(Type.factory(A, B))} in a container's chain, or with one argument per line where
   * that would pass the line limit.
   */
  private static CodeBlock call(String method, ClassName type, String factory, List<String> constants) {
    String arguments = String.join(", ", constants);
    int width = CHAIN_INDENT + method.length() + type.simpleName().length() + factory.length() + arguments.length() + 6;
    if (width <= LINE) {
      return CodeBlock.of("\n.$L($T.$L($L))", method, type, factory, arguments);
    }
    return CodeBlock.of("\n.$L(\n$>$>$T.$L(\n$>$>$L)$<$<$<$<)", method, type, factory, String.join(",\n", constants));
  }

  /**
   * Text safe inside a comment: javac reads {@code \\u} as a Unicode escape even there, so a
   * Windows path such as {@code C:\\users} would not compile. Doubled, no backslash starts one.
   */
  private static String comment(String text) {
    return text.replace("\\", "\\\\");
  }

  /** A string literal, split into {@code "..." + "..."} lines where it is long. */
  private static CodeBlock text(String value) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String word : value.split("(?<= )")) {
      if (chunk.length() > 0 && chunk.length() + word.length() > TEXT_CHUNK) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(word);
    }
    chunks.add(chunk.toString());
    CodeBlock.Builder code = CodeBlock.builder().add("$S", chunks.get(0));
    chunks.subList(1, chunks.size()).forEach(c -> code.add("\n$>$>+ $S$<$<", c));
    return code.build();
  }

  /** Constants joined by commas, several to a line, no line longer than the limit. */
  private static CodeBlock wrapped(List<String> constants) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int width = LINE - 12;
    for (int i = 0; i < constants.size(); i++) {
      String item = constants.get(i) + (i < constants.size() - 1 ? "," : "");
      if (line.length() > 0 && line.length() + 1 + item.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(item);
    }
    lines.add(line.toString());
    return CodeBlock.of("$L", String.join("\n", lines));
  }

  /** {@code Value.of(CONSTANT)} or {@code Value.fixed(...)}; public for the parts' own calls ({@code PartReader#source}). */
  public static CodeBlock value(ValuePlan value) {
    if (value instanceof ValuePlan.Ref ref) {
      return CodeBlock.of("$T.of($N)", VALUE, ref.parameter().constant());
    }
    Object fixed = ((ValuePlan.Fixed) value).value();
    return CodeBlock.of(fixed instanceof String ? "$T.fixed($S)" : "$T.fixed($L)", VALUE, fixed);
  }

  private static CodeBlock strings(List<String> values) {
    return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
  }

  private static String factory(ParameterType type) {
    return switch (type) {
      case STRING -> "string";
      case BOOLEAN -> "bool";
      case INTEGER -> "integer";
      case CPU_QUANTITY -> "cpu";
      case MEMORY_QUANTITY -> "memory";
      case STRING_MAP -> "stringMap";
    };
  }

  private static TypeName javaType(ParameterType type) {
    return switch (type) {
      case STRING, CPU_QUANTITY, MEMORY_QUANTITY -> ClassName.get(String.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case INTEGER -> ClassName.get(Integer.class);
      case STRING_MAP -> ParameterizedTypeName.get(
          ClassName.get(SortedMap.class), ClassName.get(String.class), ClassName.get(String.class));
    };
  }
}
