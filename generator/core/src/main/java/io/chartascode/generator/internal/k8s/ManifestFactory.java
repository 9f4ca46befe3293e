package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.CustomObject;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The single description of how an {@link Application} becomes Kubernetes objects, written with
 * fabric8's typed builders. Every varying field goes through a {@link Binder}; where it lands is
 * read off the built object, so no field is named twice. See {@link Binder} for why there is
 * exactly one builder for both outputs.
 */
public final class ManifestFactory {
  private final Application app;

  private ManifestFactory(Application app) {
    this.app = app;
  }

  /** The objects for one set of values; objects whose condition is false are left out. */
  public static List<Manifest> concrete(Application app, ParameterValues values) {
    return concrete(app, values, List.of());
  }

  /**
   * As {@link #concrete(Application, ParameterValues)}, taking each of {@code known} (objects
   * built by it for other values) as it is where {@code values} agree on every parameter it was
   * built from: an environment's overlay needs only the objects it changes built again.
   */
  public static List<Manifest> concrete(Application app, ParameterValues values, Collection<Manifest> known) {
    Map<String, Manifest> byStem = new HashMap<>();
    known.forEach(m -> byStem.put(m.fileStem(), m));
    Function<String, Optional<Manifest>> unchanged = stem -> Optional.ofNullable(byStem.get(stem)).filter(m -> m.agreesWith(values));
    return new ManifestFactory(app).all(() -> new ConcreteBinder(app, values), unchanged).stream()
        .filter(m -> m.condition().map(c -> c.evaluate(values)).orElse(true))
        .toList();
  }

  /**
   * The objects as Helm and Kustomize both deploy them for one set of values: those of {@link
   * #concrete}, referring to each configuration's ConfigMap by its hash-suffixed name, followed by
   * the ConfigMaps themselves (with the extra labels, without the labels and namespace the tools add).
   */
  public static List<Manifest> deployed(Application app, ParameterValues values, ProjectFiles files) {
    ManifestFactory factory = new ManifestFactory(app);
    List<Manifest> manifests = new ArrayList<>(factory.all(() -> new ConcreteBinder(app, values,
            configuration -> ConfigMapNames.deployedName(app, configuration, values, files))).stream()
        .filter(m -> m.condition().map(c -> c.evaluate(values)).orElse(true))
        .toList());
    for (Configuration configuration : app.configurations()) {
      ConfigMapContent content = ConfigMapContent.of(configuration, values, files);
      ConfigMap configMap = new ConfigMapBuilder()
          .withNewMetadata()
          .withName(ConfigMapNames.deployedName(app, configuration, values, files))
          .withLabels(new ConcreteBinder(app, values).labels(LabelSet.OBJECT))
          .endMetadata()
          .withData(content.data().isEmpty() ? null : content.data())
          .withBinaryData(content.binaryData().isEmpty() ? null : content.binaryData())
          .build();
      manifests.add(new Manifest("configmap-" + configuration.name(), configMap, Optional.empty(), List.of()));
    }
    return manifests;
  }

  /**
   * The templated objects of applications checked but not yet rendered, with the parameters they
   * read: the validation asks which parameters the objects read just before the chart is rendered
   * from the same objects, and an application is immutable, so they are built once and handed on.
   * Rendering takes them out, so at most a few are held; weak keys let go of the others.
   */
  private static final Map<Application, Templated> TEMPLATED = Collections.synchronizedMap(new WeakHashMap<>());

  private record Templated(List<Manifest> manifests, List<Parameter<?>> read) {}

  /** Every object at its defaults, with the slots a template needs; built again on the next call. */
  public static List<Manifest> templated(Application app) {
    Templated known = TEMPLATED.remove(app);
    return known != null ? known.manifests() : buildTemplated(app).manifests();
  }

  private static Templated templatedOnce(Application app) {
    Templated known = TEMPLATED.get(app);
    if (known != null) {
      return known;
    }
    Templated built = buildTemplated(app);
    TEMPLATED.putIfAbsent(app, built); // built outside the lock: another thread's equal result may win
    return built;
  }

  private static Templated buildTemplated(Application app) {
    List<TemplateBinder> binders = new ArrayList<>();
    List<Manifest> manifests = new ManifestFactory(app).all(() -> {
      TemplateBinder binder = new TemplateBinder(app);
      binders.add(binder);
      return binder;
    });
    return new Templated(List.copyOf(manifests), binders.stream().flatMap(b -> b.read().stream()).distinct().toList());
  }

  /**
   * Every parameter the objects read while they are built, conditions included: what the chart's
   * values must declare, found by building rather than by listing fields.
   */
  public static Stream<Parameter<?>> usedParameters(Application app) {
    List<Parameter<?>> used = new ArrayList<>();
    List<Manifest> manifests;
    try {
      Templated templated = templatedOnce(app);
      used.addAll(templated.read());
      manifests = templated.manifests();
    } catch (RuntimeException e) {
      // The templates cannot be built (an undeclared parameter has no default, a default does not
      // parse): ask binders that read stand-ins instead, object by object.
      manifests = new ManifestFactory(app).readByStandIns(used);
    }
    // The chart's ConfigMap templates read these; no part builds them.
    app.configurations().stream()
        .flatMap(c -> c.entries().values().stream())
        .flatMap(entry -> entry.match(Value::parameters, file -> Stream.<Parameter<?>>empty()))
        .forEach(used::add);
    manifests.stream().flatMap(m -> m.condition().stream()).flatMap(Value::parameters).forEach(used::add);
    return used.stream();
  }

  /** The objects as {@link UsageBinder}s build them, adding what they read to {@code used}. */
  private List<Manifest> readByStandIns(List<Parameter<?>> used) {
    List<Manifest> manifests = new ArrayList<>();
    UsageBinder binder = new UsageBinder(app);
    manifests.addAll(builtIns(() -> binder, stem -> Optional.empty()));
    for (CustomObject custom : app.objects()) {
      UsageBinder own = new UsageBinder(app);
      try {
        manifests.add(custom(custom, own));
        own.used().forEach(used::add);
      } catch (RuntimeException e) {
        // CustomObjectsRule reports the failure itself.
      }
    }
    binder.used().forEach(used::add);
    return manifests;
  }

  /**
   * A configuration's ConfigMap without its data, for the chart: the data and the hash in its name
   * are the chart's own templates (the Kustomize side writes a {@code configMapGenerator} instead).
   */
  public static Manifest configMap(Application app, Configuration configuration) {
    return build("configmap-" + configuration.name(), Optional.empty(), new TemplateBinder(app), b ->
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(b.configMapName(configuration))
            .withNamespace(b.namespace())
            .withLabels(b.labels(LabelSet.OBJECT))
            .endMetadata()
            .build());
  }

  /** One custom object built with the values' defaults: what CustomObjectsRule inspects. */
  public static HasMetadata probe(Application app, CustomObject custom) {
    return new ManifestFactory(app).custom(custom, new UsageBinder(app)).object();
  }

  /** The file stems of the objects the model builds itself; custom objects must use others. */
  public static final List<String> BUILT_IN_STEMS = Parts.BUILT_IN.stream().map(Part::stem).toList();

  private List<Manifest> all(Supplier<Binder> binders) {
    return all(binders, stem -> Optional.empty());
  }

  /** Every object, built with a binder of its own unless {@code unchanged} has it already. */
  private List<Manifest> all(Supplier<Binder> binders, Function<String, Optional<Manifest>> unchanged) {
    List<Manifest> manifests = builtIns(binders, unchanged);
    for (CustomObject custom : app.objects()) {
      manifests.add(unchanged.apply(custom.fileStem()).orElseGet(() -> custom(custom, binders.get())));
    }
    return manifests;
  }

  private List<Manifest> builtIns(Supplier<Binder> binders, Function<String, Optional<Manifest>> unchanged) {
    List<Manifest> manifests = new ArrayList<>();
    for (Part part : Parts.BUILT_IN) {
      if (part.appliesTo(app)) {
        manifests.add(unchanged.apply(part.stem())
            .orElseGet(() -> build(part.stem(), part.condition(app), binders.get(), b -> part.build(app, b))));
      }
    }
    return manifests;
  }

  /**
   * A user's object, with the namespace and the application's labels where it left them out, as
   * the built-in objects have them: Kustomize's transformers add both to every object.
   */
  private Manifest custom(CustomObject custom, Binder binder) {
    return build(custom.fileStem(), custom.enabled(), binder, b -> {
      HasMetadata object = custom.template().build(b);
      ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
      if (meta.getNamespace() == null) {
        meta.setNamespace(b.namespace());
      }
      if (meta.getLabels() == null || meta.getLabels().isEmpty()) {
        meta.setLabels(b.labels(LabelSet.OBJECT));
      }
      object.setMetadata(meta);
      return object;
    });
  }

  private static Manifest build(
      String stem,
      Optional<Value<Boolean>> condition,
      Binder binder,
      Function<Binder, HasMetadata> builder) {
    HasMetadata object = builder.apply(binder);
    if (binder instanceof TemplateBinder template) {
      YamlNode tree = ManifestTrees.toYaml(object);
      return new Manifest(stem, object, condition, template.locate(tree), Optional.empty(), tree);
    }
    if (binder instanceof ConcreteBinder concrete) {
      condition.ifPresent(concrete::value); // what decides whether the object exists is read too
      return new Manifest(stem, object, condition, List.of(), Optional.of(concrete.read()), null);
    }
    return new Manifest(stem, object, condition, List.of());
  }
}
