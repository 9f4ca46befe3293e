package io.chartascode.importer.plan;

import static io.chartascode.importer.plan.Shapes.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.model.AntiAffinity;
import io.chartascode.generator.model.ParameterType;
import io.chartascode.generator.model.TopologySpread;
import io.chartascode.importer.ImportException;
import io.chartascode.importer.ImportRequest;
import io.chartascode.importer.Skipped;
import io.chartascode.importer.read.InputObject;
import io.chartascode.importer.source.Fabric8Source;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one Deployment, and for each part of {@link PartReaders#ALL} the object of its kind that
 * belongs to it (the Service that selects its pods, the HorizontalPodAutoscaler that scales it...),
 * into an {@link ApplicationPlan}. Values that differ between environments (image hub, name and tag,
 * pull policy, env vars, resources, replica counts, the Service port) become parameters with the
 * input's value as default; the rest stays fixed.
 *
 * <p>It reads only what the model can say. It does not have to list what it ignores: the importer
 * renders the plan and compares it with the input, so every field left behind shows up there.
 */
public final class ManifestAnalyzer implements Reading {
  static final String HELM_CHART_LABEL = "helm.sh/chart";
  private static final String POD = "/spec/template/spec";
  private static final String DEPLOYMENT = HasMetadata.getKind(Deployment.class);
  /** Kustomize's own file, which fabric8 has no type for: a common mistake, so it gets its own advice. */
  private static final String KUSTOMIZATION = "Kustomization";
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

  private final ImportRequest request;
  private final List<String> notes = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<ParameterPlan> parameters = new ArrayList<>();
  private final Names names = new Names();
  private final Map<Class<? extends HasMetadata>, InputObject> chosen = new HashMap<>();
  private final List<PartPlan<?>> parts = new ArrayList<>();
  private InputObject deployment;
  private JsonNode podLabels;
  private ApplicationPlan.Workload workload;
  private KeySourceReader keySources;

  /** The plan, the input objects it was read from, what was left out, and remarks for the report. */
  public record Result(
      ApplicationPlan plan, List<InputObject> imported, List<Skipped> skipped, List<String> notes) {}

  private ManifestAnalyzer(ImportRequest request) {
    this.request = request;
  }

  public static Result analyze(List<InputObject> objects, ImportRequest request) {
    return new ManifestAnalyzer(request).run(objects);
  }

  private Result run(List<InputObject> objects) {
    deployment = deployment(objects);
    JsonNode pod = deployment.tree().at(POD);
    podLabels = deployment.tree().at("/spec/template/metadata/labels");
    // In the registry's order, so that a reader can ask what an earlier one chose.
    for (PartReader<?> reader : PartReaders.ALL) {
      objects.stream()
          .filter(o -> o.kind().equals(reader.kind()) && reader.belongs(o, this))
          .findFirst()
          .ifPresent(o -> chosen.put(reader.type(), o));
    }
    List<InputObject> imported = new ArrayList<>();
    for (InputObject o : objects) {
      if (o.equals(deployment) || chosen.containsValue(o)) {
        imported.add(o);
      } else {
        skipped.add(new Skipped(o.id(), o.where(), skipReason(o)));
      }
    }

    JsonNode labels = deployment.tree().at("/metadata/labels");
    String name = text(labels, Labels.NAME).or(() -> text(podLabels, Labels.NAME)).orElse(deployment.name());
    Optional<String> appVersion = text(labels, Labels.VERSION).or(() -> text(podLabels, Labels.VERSION));
    if (!deployment.name().equals(name)) {
      notes.add(deployment.where() + ": the input's objects are named '" + deployment.name()
          + "' (after a Helm release?), the model's '" + name + "' (install the generated chart as release '"
          + name + "'): deploying it creates new objects beside the old ones; delete those once the new ones serve.");
    }
    Optional<String> chartVersion =
        text(labels, HELM_CHART_LABEL).filter(c -> c.startsWith(name + "-")).map(c -> c.substring(name.length() + 1));

    keySources = new KeySourceReader(deployment.name(), objects, names);
    workload = workload(pod);
    for (PartReader<?> reader : PartReaders.ALL) {
      read(reader, imported);
    }

    Optional<String> namespace = text(deployment.tree().path("metadata"), "namespace");
    Optional<ApplicationPlan.Environment> environment =
        request.environment().map(env -> new ApplicationPlan.Environment(env, namespace));
    if (request.environment().isEmpty()) {
      namespace.ifPresent(
          ns -> notes.add("The input's namespace '" + ns + "' is not part of the model; import with"
              + " -Dimport.environment=<name> to keep it as the namespace of an environment."));
    }
    ApplicationPlan plan =
        new ApplicationPlan(
            name, chartVersion, appVersion, parameters, workload, parts, new TreeMap<>(), environment, keySources.sources(),
            extraLabels(commonLabels(imported), "LABELS", "labels",
                "Labels of every object besides the application's own; a values file can add to them."));
    List<InputObject> configurations = keySources.configMapObjects();
    skipped.removeIf(sk -> configurations.stream().anyMatch(o -> o.id().equals(sk.object())));
    imported.addAll(configurations);
    return new Result(plan, imported, skipped, notes);
  }

  /** The Deployment's pod: its containers, replicas, volumes and the rest of the pod spec. */
  private ApplicationPlan.Workload workload(JsonNode pod) {
    JsonNode containers = pod.path("containers");
    if (!containers.isArray() || containers.isEmpty()) {
      throw new ImportException(deployment.where(POD) + ": " + deployment.id() + " has no containers");
    }
    Map<String, JsonNode> volumes = new HashMap<>();
    pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
    List<ContainerPlan> containerPlans = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      containerPlans.add(container(deployment, POD + "/containers/" + i, containers.get(i),
          i == 0 ? Role.APPLICATION : Role.SIDECAR, volumes));
    }
    List<ContainerPlan> initPlans = new ArrayList<>();
    JsonNode inits = pod.path("initContainers");
    for (int i = 0; i < inits.size() && inits.isArray(); i++) {
      initPlans.add(container(deployment, POD + "/initContainers/" + i, inits.get(i), Role.INIT, volumes));
    }

    // An autoscaled Deployment often leaves its replicas to the autoscaler: then its minimum stands in.
    Optional<JsonNode> autoscaler = chosen(HorizontalPodAutoscaler.class).map(h -> h.tree().path("spec"));
    JsonNode replicas = deployment.tree().at("/spec/replicas");
    int replicaCount =
        replicas.isIntegralNumber()
            ? replicas.asInt()
            : autoscaler.map(s -> s.path("minReplicas").asInt(1)).orElse(1);
    ParameterPlan replicasParameter =
        integer("REPLICAS", "replicaCount", replicaCount,
            autoscaler.isPresent() ? "Replicas while autoscaling is disabled." : "Number of pods.", 1, null);

    // The model writes its ConfigMap and Secret volumes after the others: those at the end are read as such.
    List<ObjectNode> ownVolumes = new ArrayList<>(modelVolumes(pod, volumes));
    List<KeySourcePlan.KeyVolume> keyVolumes = new ArrayList<>();
    while (!ownVolumes.isEmpty()) {
      Optional<KeySourcePlan.KeyVolume> last = keySources.volume(ownVolumes.get(ownVolumes.size() - 1));
      if (last.isEmpty()) {
        break;
      }
      keyVolumes.add(0, last.get());
      ownVolumes.remove(ownVolumes.size() - 1);
    }
    return new ApplicationPlan.Workload(
        ValuePlan.of(replicasParameter),
        containerPlans,
        initPlans,
        Fabric8Source.expressible(pod.path("securityContext"), PodSecurityContext.class),
        tolerations(pod),
        antiAffinity(pod),
        topologySpreads(pod),
        present(pod.path("terminationGracePeriodSeconds")).map(JsonNode::asLong),
        nodeSelector(pod),
        imagePullSecrets(pod),
        present(pod.path("priorityClassName")).map(JsonNode::asText),
        present(deployment.tree().at("/spec/strategy")).map(st -> Fabric8Source.expressible(st, DeploymentStrategy.class)),
        ownVolumes,
        keyVolumes,
        annotations(deployment.tree().at("/spec/template/metadata/annotations"), "POD_ANNOTATIONS", "podAnnotations",
            "Annotations of the pods; a values file can add to them."),
        extraLabels(podLabels, "POD_LABELS", "podLabels",
            "Labels of the pods besides the application's own; a values file can add to them."));
  }

  /**
   * What {@code reader} makes of its chosen object, or of none; a chosen object it cannot read is
   * listed as not imported.
   */
  private <P> void read(PartReader<P> reader, List<InputObject> imported) {
    Optional<InputObject> object = chosen(reader.type());
    Optional<P> part = object.isPresent() ? reader.read(object.get(), this) : reader.absent(this);
    if (object.isPresent() && part.isEmpty()) {
      imported.remove(object.get());
      skipped.add(new Skipped(object.get().id(), object.get().where(), reader.notImported(object.get(), deployment)));
    }
    part.ifPresent(p -> parts.add(new PartPlan<>(reader, p)));
  }

  @Override
  public InputObject deployment() {
    return deployment;
  }

  @Override
  public JsonNode podLabels() {
    return podLabels;
  }

  @Override
  public Optional<InputObject> chosen(Class<? extends HasMetadata> type) {
    return Optional.ofNullable(chosen.get(type));
  }

  @Override
  public ApplicationPlan.Workload workload() {
    return Objects.requireNonNull(workload, "the workload is read after the parts are chosen");
  }

  @Override
  public <P> Optional<P> part(Class<P> type) {
    return parts.stream().map(PartPlan::part).filter(type::isInstance).map(type::cast).findFirst();
  }

  @Override
  public Names names() {
    return names;
  }

  @Override
  public ParameterPlan declare(ParameterPlan parameter) {
    parameters.add(parameter);
    return parameter;
  }

  @Override
  public void note(String note) {
    notes.add(note);
  }

  private InputObject deployment(List<InputObject> objects) {
    List<InputObject> deployments = objects.stream().filter(o -> o.kind().equals(DEPLOYMENT)).toList();
    String found = String.join(", ", deployments.stream().map(d -> d.id() + " (" + d.where() + ")").toList());
    if (request.deployment().isPresent()) {
      String wanted = request.deployment().get();
      return deployments.stream()
          .filter(d -> d.name().equals(wanted))
          .findFirst()
          .orElseThrow(() -> new ImportException(
              "no Deployment named '" + wanted + "' in the input; found " + (found.isEmpty() ? "none" : found)));
    }
    if (deployments.isEmpty()) {
      String kinds = String.join(", ", new TreeSet<>(objects.stream().map(InputObject::kind).toList()));
      List<String> partKinds = PartReaders.ALL.stream().map(PartReader::kind).toList();
      throw new ImportException(
          objects.get(0).file() + ": no Deployment in the input (found " + kinds + "); the model describes one"
              + " Deployment with its " + String.join(", ", partKinds.subList(0, partKinds.size() - 1)) + " and "
              + partKinds.get(partKinds.size() - 1));
    }
    if (deployments.size() > 1) {
      throw new ImportException(
          "the input has " + deployments.size() + " Deployments: " + found
              + "; the model describes one per application. Import each with -Dimport.deployment=<name>");
    }
    return deployments.get(0);
  }

  private String skipReason(InputObject o) {
    if (o.kind().equals(DEPLOYMENT)) {
      return "one Deployment per import; this import is " + deployment.id()
          + ". Import this one with -Dimport.deployment=" + o.name();
    }
    if (o.kind().equals(KUSTOMIZATION)) {
      return "a kustomization, not an object: run kubectl kustomize <dir> > rendered.yaml and import rendered.yaml";
    }
    return PartReaders.ALL.stream()
        .filter(reader -> reader.kind().equals(o.kind()))
        .findFirst()
        .map(reader -> reader.notImported(o, deployment))
        .orElse("kind " + o.kind() + " is not part of the model; keep it as a separate manifest");
  }

  /** Which container of the pod: where its parameters live in the values, and how they are named. */
  private enum Role {
    APPLICATION("", "", ""),
    SIDECAR("sidecars.", "", " of sidecar "),
    INIT("initContainers.", "INIT_", " of init container ");

    final String values;
    final String constants;
    final String of;

    Role(String values, String constants, String of) {
      this.values = values;
      this.constants = constants;
      this.of = of;
    }
  }

  private ContainerPlan container(
      InputObject d, String at, JsonNode c, Role role, Map<String, JsonNode> volumes) {
    String name = c.path("name").asText("");
    boolean application = role == Role.APPLICATION;
    String values = application ? "" : role.values + Names.lowerCamel(name) + ".";
    String constants = application ? "" : role.constants + Names.upperSnake(name) + "_";
    String of = application ? "" : role.of + name;

    ImageReference image = ImageReference.parse(c.path("image").asText(""));
    if (!image.reference().equals(c.path("image").asText(""))) {
      notes.add(d.where(at + "/image") + ": image '" + c.path("image").asText("") + "' is written as '"
          + image.reference() + "': the model always writes hub/name:tag" + (image.digest().isPresent()
              ? " and has no digests, so the digest " + image.digest().get() + " is dropped" : ""));
    }
    ParameterPlan hub = declare(string(constants + "HUB", values + "hub", image.hub(),
        "Registry and namespace of the image" + of + ".", "HUB"));
    ParameterPlan imageName = declare(string(constants + "IMAGE", values + "image", image.name(),
        "Image name inside the hub" + of + ".", "IMAGE_NAME"));
    ParameterPlan tagPlan = string(constants + "TAG", values + "tag", image.tag(),
        "Image tag" + of + "; always a string, so 1.10 is \"1.10\".", "TAG");
    if (!image.tag().equals("latest")) {
      tagPlan = tagPlan.withForbidden(List.of("latest"));
    }
    ParameterPlan tag = declare(tagPlan);
    String policy = c.path("imagePullPolicy").asText("IfNotPresent");
    ParameterPlan pullPolicyPlan =
        ParameterPlan.of(names.unique(constants + "PULL_POLICY"), ParameterType.STRING, names.unique(values + "pullPolicy"),
            policy, "Image pull policy" + of + ".");
    ParameterPlan pullPolicy =
        declare(PULL_POLICIES.contains(policy) ? pullPolicyPlan.withAllowed(PULL_POLICIES) : pullPolicyPlan);

    List<ContainerPlan.Port> ports = new ArrayList<>();
    JsonNode portList = c.path("ports");
    if (present(portList).isPresent() && !portList.isArray()) {
      throw new ImportException(d.where(at + "/ports") + ": ports of " + name + " is "
          + (portList.isObject() ? "a mapping" : "a scalar") + "; it must be a list of {name, containerPort}");
    }
    for (int i = 0; i < portList.size(); i++) {
      JsonNode port = portList.get(i);
      if (!port.isObject()) {
        throw new ImportException(d.where(at + "/ports/" + i) + ": port " + i + " of " + name
            + " is not a {name, containerPort} mapping");
      }
      int number = port.path("containerPort").asInt();
      String portName = port.path("name").asText("");
      if (portName.isEmpty()) {
        portName = "port-" + number;
        notes.add(d.where(at + "/ports/" + i) + ": container port " + number + " of " + name
            + " has no name; the model refers to ports by name, so it is called " + portName);
      }
      ports.add(new ContainerPlan.Port(portName, number));
    }

    List<ContainerPlan.Env> env = new ArrayList<>();
    Optional<ParameterPlan> extraEnv = env(d, at, c, name, values, constants, of, application, env);
    List<KeySourcePlan.EnvFrom> envFrom = new ArrayList<>();
    JsonNode envFromList = c.path("envFrom");
    for (int i = 0; i < envFromList.size() && envFromList.isArray(); i++) {
      Optional<KeySourcePlan.EnvFrom> from = keySources.envFrom(envFromList.get(i));
      if (from.isPresent()) {
        envFrom.add(from.get());
      } else {
        notes.add(d.where(at + "/envFrom/" + i) + ": envFrom entry " + i + " of " + name + " reads a ConfigMap the"
            + " model does not write, or reads it optionally; the model leaves it out");
      }
    }

    JsonNode resources = c.path("resources");
    Quantity cpu = quantities(d, at, resources, "cpu", "100m", "500m", name);
    Quantity memory = quantities(d, at, resources, "memory", "128Mi", "256Mi", name);
    ParameterPlan cpuRequest = declare(quantity(ParameterType.CPU_QUANTITY, constants + "CPU_REQUEST",
        values + "resources.requests.cpu", cpu.request(), "CPU request" + of + "." + cpu.requestNote()));
    ParameterPlan memoryRequest = declare(quantity(ParameterType.MEMORY_QUANTITY, constants + "MEMORY_REQUEST",
        values + "resources.requests.memory", memory.request(), "Memory request" + of + "." + memory.requestNote()));
    ParameterPlan cpuLimit = declare(quantity(ParameterType.CPU_QUANTITY, constants + "CPU_LIMIT",
        values + "resources.limits.cpu", cpu.limit(), "CPU limit" + of + "." + cpu.limitNote()));
    ParameterPlan memoryLimit = declare(quantity(ParameterType.MEMORY_QUANTITY, constants + "MEMORY_LIMIT",
        values + "resources.limits.memory", memory.limit(), "Memory limit" + of + "." + memory.limitNote()));

    List<String> writable = new ArrayList<>();
    List<ObjectNode> otherMounts = new ArrayList<>();
    JsonNode mounts = c.path("volumeMounts");
    for (JsonNode mount : mounts) {
      if (isWritableDirectory(mount, volumes)) {
        writable.add(mount.path("mountPath").asText());
      } else if (isModelVolume(volumes.get(mount.path("name").asText()))) {
        otherMounts.add(Fabric8Source.expressible(mount, VolumeMount.class));
      }
    }

    return new ContainerPlan(
        name,
        ValuePlan.of(hub),
        ValuePlan.of(imageName),
        ValuePlan.of(tag),
        ValuePlan.of(pullPolicy),
        ports,
        env,
        extraEnv,
        envFrom,
        ValuePlan.of(cpuRequest),
        ValuePlan.of(memoryRequest),
        ValuePlan.of(cpuLimit),
        ValuePlan.of(memoryLimit),
        probe(d, at + "/livenessProbe", c.path("livenessProbe"), ports),
        probe(d, at + "/readinessProbe", c.path("readinessProbe"), ports),
        probe(d, at + "/startupProbe", c.path("startupProbe"), ports),
        present(c.path("lifecycle")).map(l -> Fabric8Source.expressible(l, Lifecycle.class)),
        strings(c.path("command")),
        strings(c.path("args")),
        Fabric8Source.expressible(c.path("securityContext"), SecurityContext.class),
        writable,
        otherMounts);
  }

  /**
   * Plain variables ({@code name} and {@code value}) become parameters. The longest run at the end
   * that is in name order goes into one map parameter ({@code env}: values files can override and
   * add to it); those before it keep their order as one string parameter each.
   *
   * <p>The first variable is always a parameter of its own, and a container without variables gets
   * no map: the generator's Helm renderer cannot yet place map entries in a container that sets no
   * variable of its own ({@code HelmManifestTemplate}: "no env on the way to .../env").
   *
   * @param fixed receives the variables set one by one
   * @return the map parameter, if the container gets one
   */
  private Optional<ParameterPlan> env(
      InputObject d, String at, JsonNode c, String container, String values, String constants, String of,
      boolean application, List<ContainerPlan.Env> fixed) {
    JsonNode list = c.path("env");
    if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
      throw new ImportException(d.where(at + "/env") + ": env of " + container + " is "
          + (list.isObject() ? "a mapping" : "a scalar") + "; it must be a list of {name, value}");
    }
    List<String[]> vars = new ArrayList<>(); // name, value; value null for valueFrom
    int lastSourced = -1;
    for (int i = 0; i < list.size(); i++) {
      JsonNode var = list.get(i);
      if (!var.isObject()) {
        throw new ImportException(d.where(at + "/env/" + i) + ": env entry " + i + " of " + container
            + " is not a {name, value} mapping");
      }
      JsonNode value = var.path("value");
      if (var.has("valueFrom")) {
        lastSourced = i;
        vars.add(new String[] {var.path("name").asText(), null});
      } else {
        vars.add(new String[] {var.path("name").asText(), value.isValueNode() && !value.isNull() ? value.asText() : ""});
      }
    }
    // The map takes the sorted run at the end, after the last variable with a source.
    int start = vars.size();
    while (start > Math.max(1, lastSourced + 1)
        && (start == vars.size() || vars.get(start - 1)[0].compareTo(vars.get(start)[0]) < 0)) {
      start--;
    }
    for (int i = 0; i < start; i++) {
      String[] var = vars.get(i);
      if (var[1] == null) {
        JsonNode valueFrom = list.get(i).path("valueFrom");
        fixed.add(keySources.envKey(var[0], valueFrom)
            .map(key -> ContainerPlan.Env.fromKey(var[0], key))
            .orElseGet(() -> ContainerPlan.Env.from(var[0], Fabric8Source.expressible(valueFrom, EnvVarSource.class))));
        continue;
      }
      ParameterPlan p = declare(ParameterPlan.of(
          names.unique(constants + "ENV_" + Names.upperSnake(var[0])), ParameterType.STRING,
          names.unique(values + "envVars." + Names.lowerCamel(var[0])), var[1],
          "Environment variable " + var[0] + of + "."));
      fixed.add(ContainerPlan.Env.of(var[0], ValuePlan.of(p)));
    }
    SortedMap<String, String> map = new TreeMap<>();
    vars.subList(start, vars.size()).forEach(var -> map.put(var[0], var[1]));
    if (fixed.isEmpty() || (map.isEmpty() && !application)) {
      return Optional.empty();
    }
    ParameterPlan extra = ParameterPlan.of(names.unique(constants + "ENV"), ParameterType.STRING_MAP,
        names.unique(values + "env"), map, "Environment variables" + of + ", name to value. Values must be strings.");
    boolean portable = map.keySet().stream().allMatch(k -> k.matches(PlanInterpreter.pattern("ENV_NAME")));
    return Optional.of(declare(portable ? extra.withPattern("ENV_NAME") : extra));
  }

  private record Quantity(String request, String limit, String requestNote, String limitNote) {}

  /**
   * Request and limit of one resource. The model needs both: a missing request is the limit (as
   * Kubernetes defaults it), and a missing limit is a placeholder to review.
   */
  private Quantity quantities(
      InputObject d, String at, JsonNode resources, String resource, String request, String limit, String container) {
    Optional<String> req = quantityText(resources.path("requests").path(resource));
    Optional<String> lim = quantityText(resources.path("limits").path(resource));
    String placeholder = " Not set in the input: a placeholder, review it.";
    if (req.isEmpty() || lim.isEmpty()) {
      notes.add(d.where(at + "/resources") + ": container " + container + " sets no " + resource + " "
          + (req.isEmpty() && lim.isEmpty() ? "request or limit" : req.isEmpty() ? "request" : "limit")
          + "; the model needs both, so the parameters default to "
          + req.or(() -> lim).orElse(request) + " and " + lim.or(() -> req).orElse(limit) + ": review them");
    }
    return new Quantity(
        req.or(() -> lim).orElse(request),
        lim.or(() -> req).orElse(limit),
        req.isEmpty() && lim.isEmpty() ? placeholder : req.isEmpty() ? " Not set in the input: the limit, as Kubernetes defaults it." : "",
        lim.isEmpty() ? placeholder : "");
  }

  private static Optional<String> quantityText(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
  }

  /**
   * A probe of any kind, with its timings. A numbered HTTP or TCP port that is a container port is
   * written as that port's name, as the model's own probes are.
   */
  private Optional<ObjectNode> probe(InputObject d, String at, JsonNode probe, List<ContainerPlan.Port> ports) {
    if (present(probe).isEmpty()) {
      return Optional.empty();
    }
    if (!probe.isObject()) {
      throw new ImportException(d.where(at) + ": " + at.substring(at.lastIndexOf('/') + 1) + " is "
          + (probe.isArray() ? "a list" : "a scalar") + "; a probe is a mapping such as {httpGet: {path, port}}");
    }
    ObjectNode named = probe.deepCopy();
    for (String handler : List.of("httpGet", "tcpSocket")) {
      JsonNode port = named.path(handler).path("port");
      if (port.isIntegralNumber()) {
        ports.stream().filter(p -> p.number() == port.asInt()).findFirst().ifPresent(p -> {
          ((ObjectNode) named.get(handler)).put("port", p.name());
          notes.add(d.where(at + "/" + handler + "/port") + ": probe port " + port + " is written as its name '" + p.name() + "'");
        });
      }
    }
    return Optional.of(Fabric8Source.expressible(named, Probe.class));
  }

  /** A plain mount of an empty emptyDir: what the model writes for {@code writableDirectory(path)}. */
  private static boolean isWritableDirectory(JsonNode mount, Map<String, JsonNode> volumes) {
    JsonNode volume = volumes.get(mount.path("name").asText());
    return onlyFields(mount, "name", "mountPath")
        && volume != null && onlyFields(volume, "name", "emptyDir") && volume.path("emptyDir").isEmpty();
  }

  /** The sources the model takes (CAC-VOL-001); a hostPath volume and its mounts are left out, as differences. */
  private static final Set<String> MODEL_VOLUME_SOURCES = Set.of(
      "configMap", "secret", "projected", "downwardAPI", "emptyDir", "persistentVolumeClaim", "ephemeral", "csi", "image");

  private static boolean isModelVolume(JsonNode volume) {
    if (volume == null || !volume.isObject()) {
      return false;
    }
    // Exactly one field besides the name, and a source the model takes.
    return volume.size() == (volume.has("name") ? 2 : 1) && MODEL_VOLUME_SOURCES.stream().anyMatch(volume::has);
  }

  /** The pod's volumes that no container mounts as a writable directory: the model's own. */
  private static List<ObjectNode> modelVolumes(JsonNode pod, Map<String, JsonNode> volumes) {
    Set<String> writable = new HashSet<>();
    for (String list : List.of("containers", "initContainers")) {
      for (JsonNode container : pod.path(list)) {
        for (JsonNode mount : container.path("volumeMounts")) {
          if (isWritableDirectory(mount, volumes)) {
            writable.add(mount.path("name").asText());
          }
        }
      }
    }
    List<ObjectNode> own = new ArrayList<>();
    for (JsonNode volume : pod.path("volumes")) {
      if (!writable.contains(volume.path("name").asText()) && isModelVolume(volume)) {
        own.add(Fabric8Source.expressible(volume, Volume.class));
      }
    }
    return own;
  }

  @Override
  public Optional<ParameterPlan> annotations(JsonNode annotations, String constant, String name, String description) {
    if (!annotations.isObject() || annotations.isEmpty()) {
      return Optional.empty();
    }
    SortedMap<String, String> map = new TreeMap<>();
    annotations.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return Optional.of(declare(ParameterPlan.of(names.unique(constant), ParameterType.STRING_MAP, names.unique(name), map, description)));
  }

  /** The labels every imported object has, with the same value: what the model's object labels can say. */
  private static JsonNode commonLabels(List<InputObject> objects) {
    ObjectNode common = null;
    for (InputObject o : objects) {
      JsonNode labels = o.tree().at("/metadata/labels");
      if (common == null) {
        common = labels.isObject() ? ((ObjectNode) labels).deepCopy() : JsonNodeFactory.instance.objectNode();
      } else {
        common.retain(common.properties().stream()
            .filter(e -> e.getValue().equals(labels.get(e.getKey()))).map(Map.Entry::getKey).toList());
      }
    }
    return common == null ? JsonNodeFactory.instance.objectNode() : common;
  }

  /** Labels besides those the generator and Helm set: a map parameter, as the model writes them. */
  private Optional<ParameterPlan> extraLabels(JsonNode labels, String constant, String name, String description) {
    SortedMap<String, String> extra = new TreeMap<>();
    labels.fields().forEachRemaining(e -> {
      if (!Labels.RESERVED.contains(e.getKey())) {
        extra.put(e.getKey(), e.getValue().asText());
      }
    });
    return extra.isEmpty()
        ? Optional.empty()
        : Optional.of(declare(ParameterPlan.of(names.unique(constant), ParameterType.STRING_MAP, names.unique(name), extra,
            description).withPattern("LABEL_KEY")));
  }

  private static SortedMap<String, String> nodeSelector(JsonNode pod) {
    SortedMap<String, String> selector = new TreeMap<>();
    pod.path("nodeSelector").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
    return selector;
  }

  private static List<String> imagePullSecrets(JsonNode pod) {
    List<String> names = new ArrayList<>();
    pod.path("imagePullSecrets").forEach(secret -> names.add(secret.path("name").asText()));
    return names;
  }

  private static List<String> strings(JsonNode list) {
    List<String> strings = new ArrayList<>();
    list.forEach(item -> strings.add(item.asText()));
    return strings;
  }

  private static List<ObjectNode> tolerations(JsonNode pod) {
    List<ObjectNode> tolerations = new ArrayList<>();
    pod.path("tolerations").forEach(t -> tolerations.add(Fabric8Source.expressible(t, Toleration.class)));
    return tolerations;
  }

  private static Optional<AntiAffinity> antiAffinity(JsonNode pod) {
    JsonNode term = pod.at("/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0");
    if (!term.isObject() || !term.at("/podAffinityTerm/topologyKey").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new AntiAffinity(term.at("/podAffinityTerm/topologyKey").asText(), term.path("weight").asInt(100)));
  }

  private static List<TopologySpread> topologySpreads(JsonNode pod) {
    List<TopologySpread> spreads = new ArrayList<>();
    for (JsonNode c : pod.path("topologySpreadConstraints")) {
      if (c.path("topologyKey").isTextual()) {
        spreads.add(new TopologySpread(
            c.path("topologyKey").asText(), c.path("maxSkew").asInt(1), c.path("whenUnsatisfiable").asText("DoNotSchedule")));
      }
    }
    return spreads;
  }

  /** A string parameter; the shared pattern only if the input's value satisfies it. */
  private ParameterPlan string(String constant, String name, String value, String description, String pattern) {
    ParameterPlan plan = ParameterPlan.of(names.unique(constant), ParameterType.STRING, names.unique(name), value, description);
    return Pattern.matches(PlanInterpreter.pattern(pattern), value) ? plan.withPattern(pattern) : plan;
  }

  private ParameterPlan quantity(ParameterType type, String constant, String name, String value, String description) {
    return ParameterPlan.of(names.unique(constant), type, names.unique(name), value, description);
  }

  @Override
  public ParameterPlan integer(String constant, String name, int value, String description, Integer min, Integer max) {
    ParameterPlan plan = ParameterPlan.of(names.unique(constant), ParameterType.INTEGER, names.unique(name), value, description);
    boolean within = (min == null || value >= min) && (max == null || value <= max);
    return declare(within ? plan.withRange(min, max) : plan);
  }

  /** No field but these: an object with no others, or no object at all (missing). */
  private static boolean onlyFields(JsonNode node, String... allowed) {
    return !node.isObject() || Shapes.onlyFields(node, allowed);
  }

  private static Optional<String> text(JsonNode map, String key) {
    JsonNode value = map.path(key);
    return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
  }
}
