package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A container: image, ports, environment, resources, probes, lifecycle hooks and security.
 *
 * <p>Kubernetes-shaped constants such as the security context use fabric8's own types, so there is
 * one vocabulary for Kubernetes objects; only the values that vary are {@link Value}s.
 */
public final class Container {
  private final String name;
  private final Image image;
  private final Value<String> pullPolicy;
  private final List<ContainerPort> ports;
  private final List<EnvVar> env;
  private final Parameter<SortedMap<String, String>> extraEnv;
  private final List<EnvFrom> envFrom;
  private final Resources resources;
  private final Probe liveness;
  private final Probe readiness;
  private final Probe startup;
  private final Lifecycle lifecycle;
  private final List<String> command;
  private final List<String> args;
  private final SecurityContext securityContext;
  private final List<String> writableDirectories;
  private final List<VolumeMount> mounts;

  private Container(Builder b) {
    this.name = b.name;
    this.image = Objects.requireNonNull(b.image, "image");
    this.pullPolicy = b.pullPolicy;
    this.ports = List.copyOf(b.ports);
    this.env = List.copyOf(b.env);
    this.extraEnv = b.extraEnv;
    this.envFrom = List.copyOf(b.envFrom);
    this.resources = Objects.requireNonNull(b.resources, "resources");
    this.liveness = b.liveness;
    this.readiness = b.readiness;
    this.startup = b.startup;
    this.lifecycle = b.lifecycle;
    this.command = List.copyOf(b.command);
    this.args = List.copyOf(b.args);
    // Absent means empty: the security rules report what is missing (CAC-SEC-002, -003).
    this.securityContext = b.securityContext == null ? new SecurityContext() : b.securityContext;
    this.writableDirectories = List.copyOf(b.writableDirectories);
    this.mounts = List.copyOf(b.mounts);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.image = image;
    b.pullPolicy = pullPolicy;
    b.ports.addAll(ports);
    b.env.addAll(env);
    b.extraEnv = extraEnv;
    b.envFrom.addAll(envFrom);
    b.resources = resources;
    b.liveness = liveness;
    b.readiness = readiness;
    b.startup = startup;
    b.lifecycle = lifecycle;
    b.command.addAll(command);
    b.args.addAll(args);
    b.securityContext = securityContext;
    b.writableDirectories.addAll(writableDirectories);
    b.mounts.addAll(mounts);
    return b;
  }

  public String name() {
    return name;
  }

  public Image image() {
    return image;
  }

  /** Default: {@code IfNotPresent}. */
  public Value<String> pullPolicy() {
    return pullPolicy;
  }

  public List<ContainerPort> ports() {
    return ports;
  }

  /** Variables the model defines; they come first, in this order. */
  public List<EnvVar> env() {
    return env;
  }

  /** A map parameter of extra variables users add, appended in key order. Default: none. */
  public Optional<Parameter<SortedMap<String, String>>> extraEnv() {
    return Optional.ofNullable(extraEnv);
  }

  /**
   * The names of the variables whose values come from Secrets: {@code secretKeyRef}s, of a {@link
   * SecretReference} or written out, and every declared key of a Secret read by {@code envFrom},
   * with its prefix. What a process that prints its environment must never show.
   */
  public List<String> secretEnvNames() {
    List<String> names = new ArrayList<>();
    for (EnvVar var : env) {
      boolean secret = var.match(
          value -> false,
          key -> key.source() instanceof SecretReference,
          source -> source.getSecretKeyRef() != null);
      if (secret) {
        names.add(var.name());
      }
    }
    for (EnvFrom from : envFrom) {
      from.source().match(configuration -> List.<String>of(), secret -> List.copyOf(secret.keys().keySet()))
          .forEach(key -> names.add(from.prefix() + key));
    }
    return names;
  }

  /** ConfigMaps and Secrets whose every key becomes a variable. Default: none. */
  public List<EnvFrom> envFrom() {
    return envFrom;
  }

  public Resources resources() {
    return resources;
  }

  /** Default: none. */
  public Optional<Probe> liveness() {
    return Optional.ofNullable(liveness);
  }

  /** Default: none. */
  public Optional<Probe> readiness() {
    return Optional.ofNullable(readiness);
  }

  /** Holds the other probes back until the process has started. Default: none. */
  public Optional<Probe> startup() {
    return Optional.ofNullable(startup);
  }

  /** Hooks, such as a {@code preStop} that waits while endpoints converge. Default: none. */
  public Optional<Lifecycle> lifecycle() {
    return Optional.ofNullable(lifecycle);
  }

  /** Replaces the image's entrypoint. Default: the image's. */
  public List<String> command() {
    return command;
  }

  /** Replaces the image's arguments. Default: the image's. */
  public List<String> args() {
    return args;
  }

  /** Default: empty, which CAC-SEC-002 and CAC-SEC-003 refuse unless the application opts out. */
  public SecurityContext securityContext() {
    return securityContext;
  }

  /**
   * Directories that get an {@code emptyDir}, e.g. {@code /tmp} for the JVM under a read-only root
   * filesystem. Default: none.
   */
  public List<String> writableDirectories() {
    return writableDirectories;
  }

  /** Mounts of the pod's {@link Workload#volumes()}, after the writable directories. Default: none. */
  public List<VolumeMount> mounts() {
    return mounts;
  }

  /** Builds a {@link Container}. */
  public static final class Builder {
    private final String name;
    private Image image;
    private Value<String> pullPolicy = Value.fixed("IfNotPresent");
    private final List<ContainerPort> ports = new ArrayList<>();
    private final List<EnvVar> env = new ArrayList<>();
    private Parameter<SortedMap<String, String>> extraEnv;
    private final List<EnvFrom> envFrom = new ArrayList<>();
    private Resources resources;
    private Probe liveness;
    private Probe readiness;
    private Probe startup;
    private Lifecycle lifecycle;
    private final List<String> command = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private SecurityContext securityContext;
    private final List<String> writableDirectories = new ArrayList<>();
    private final List<VolumeMount> mounts = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder clearPorts() {
      this.ports.clear();
      return this;
    }

    public Builder image(Image image) {
      this.image = image;
      return this;
    }

    public Builder pullPolicy(Value<String> pullPolicy) {
      this.pullPolicy = Objects.requireNonNull(pullPolicy);
      return this;
    }

    public Builder port(ContainerPort port) {
      this.ports.add(port);
      return this;
    }

    public Builder env(String name, Value<String> value) {
      this.env.add(EnvVar.of(name, value));
      return this;
    }

    /** A variable the kubelet fills in, e.g. the pod's name: {@code EnvVar.fromField("POD", "metadata.name")}. */
    public Builder env(EnvVar variable) {
      this.env.add(variable);
      return this;
    }

    public Builder extraEnv(Parameter<SortedMap<String, String>> extraEnv) {
      this.extraEnv = extraEnv;
      return this;
    }

    /** Every key of {@code source} as a variable of the same name ({@code envFrom}). */
    public Builder envFrom(KeySource source) {
      return envFrom(source, "");
    }

    /** Every key of {@code source} as a variable named {@code prefix + key}. */
    public Builder envFrom(KeySource source, String prefix) {
      this.envFrom.add(new EnvFrom(source, prefix));
      return this;
    }

    public Builder resources(Resources resources) {
      this.resources = resources;
      return this;
    }

    /** An HTTP GET liveness probe with Kubernetes' default timings. */
    public Builder liveness(HttpProbe liveness) {
      return liveness(liveness.toProbe());
    }

    /** Any liveness probe: HTTP, TCP, exec or gRPC, with its timings. */
    public Builder liveness(Probe liveness) {
      this.liveness = liveness;
      return this;
    }

    /** An HTTP GET readiness probe with Kubernetes' default timings. */
    public Builder readiness(HttpProbe readiness) {
      return readiness(readiness.toProbe());
    }

    /** Any readiness probe: HTTP, TCP, exec or gRPC, with its timings. */
    public Builder readiness(Probe readiness) {
      this.readiness = readiness;
      return this;
    }

    /** A startup probe, for a process slow to start: the other probes wait for it. */
    public Builder startup(Probe startup) {
      this.startup = startup;
      return this;
    }

    /** Lifecycle hooks ({@code postStart}, {@code preStop}: exec, HTTP or sleep). */
    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = lifecycle;
      return this;
    }

    /** Replaces the image's entrypoint. */
    public Builder command(String... command) {
      this.command.clear();
      this.command.addAll(List.of(command));
      return this;
    }

    /** Replaces the image's arguments. */
    public Builder args(String... args) {
      this.args.clear();
      this.args.addAll(List.of(args));
      return this;
    }

    public Builder securityContext(SecurityContext securityContext) {
      this.securityContext = securityContext;
      return this;
    }

    /** Mounts a volume of the pod; configMap, secret and projected volumes read-only (CAC-VOL-001). */
    public Builder mount(VolumeMount mount) {
      this.mounts.add(mount);
      return this;
    }

    /** {@code mount} of volume {@code volume} at {@code path}, read-only. */
    public Builder mountReadOnly(String volume, String path) {
      return mount(new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build());
    }

    public Builder writableDirectory(String path) {
      this.writableDirectories.add(path);
      return this;
    }

    public Container build() {
      return new Container(this);
    }
  }
}
