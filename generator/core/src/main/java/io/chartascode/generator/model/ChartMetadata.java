package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chart says about itself beyond its name and versions: {@code Chart.yaml}'s {@code
 * kubeVersion}, {@code home}, {@code sources}, {@code maintainers}, {@code keywords} and {@code icon},
 * and the Artifact Hub annotations {@code artifacthub.io/links} and {@code artifacthub.io/changes}.
 * ({@code artifacthub.io/images} needs no input: it lists every container image of the model.)
 *
 * <p>Every field is optional; {@link #DEFAULT} is what an application without metadata gets.
 */
public final class ChartMetadata {
  /**
   * The default {@code kubeVersion}: Kubernetes 1.23 or later, the first with {@code autoscaling/v2}
   * (the HorizontalPodAutoscaler the chart renders). The {@code -0} admits vendor pre-release
   * versions such as {@code v1.29.3-eks-adc7111}, which SemVer ranges otherwise exclude.
   */
  public static final String DEFAULT_KUBE_VERSION = ">=1.23.0-0";

  /** No metadata besides {@link #DEFAULT_KUBE_VERSION}. */
  public static final ChartMetadata DEFAULT = builder().build();

  private final String kubeVersion;
  private final String home;
  private final List<String> sources;
  private final List<Maintainer> maintainers;
  private final List<String> keywords;
  private final String icon;
  private final List<ChartLink> links;
  private final List<ChartChange> changes;

  private ChartMetadata(Builder b) {
    this.kubeVersion = b.kubeVersion;
    this.home = b.home;
    this.sources = List.copyOf(b.sources);
    this.maintainers = List.copyOf(b.maintainers);
    this.keywords = List.copyOf(b.keywords);
    this.icon = b.icon;
    this.links = List.copyOf(b.links);
    this.changes = List.copyOf(b.changes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.kubeVersion = kubeVersion;
    b.home = home;
    b.sources.addAll(sources);
    b.maintainers.addAll(maintainers);
    b.keywords.addAll(keywords);
    b.icon = icon;
    b.links.addAll(links);
    b.changes.addAll(changes);
    return b;
  }

  /** The SemVer range of Kubernetes versions the chart supports. Default: {@link #DEFAULT_KUBE_VERSION}. */
  public String kubeVersion() {
    return kubeVersion;
  }

  /** The project's home page. Default: none. */
  public Optional<String> home() {
    return Optional.ofNullable(home);
  }

  /** URLs of the source code (the model's repository, the application's). Default: none. */
  public List<String> sources() {
    return sources;
  }

  /** Default: none (chart-testing's {@code ct lint} requires at least one). */
  public List<Maintainer> maintainers() {
    return maintainers;
  }

  /** Search keywords. Default: none. */
  public List<String> keywords() {
    return keywords;
  }

  /** URL of an SVG or PNG icon. Default: none. */
  public Optional<String> icon() {
    return Optional.ofNullable(icon);
  }

  /** Artifact Hub links. Default: none (the annotation is left out). */
  public List<ChartLink> links() {
    return links;
  }

  /** What changed in this chart version. Default: none (the annotation is left out). */
  public List<ChartChange> changes() {
    return changes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartMetadata m
        && kubeVersion.equals(m.kubeVersion)
        && Objects.equals(home, m.home)
        && sources.equals(m.sources)
        && maintainers.equals(m.maintainers)
        && keywords.equals(m.keywords)
        && Objects.equals(icon, m.icon)
        && links.equals(m.links)
        && changes.equals(m.changes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kubeVersion, home, sources, maintainers, keywords, icon, links, changes);
  }

  /** Builds a {@link ChartMetadata}. */
  public static final class Builder {
    private String kubeVersion = DEFAULT_KUBE_VERSION;
    private String home;
    private final List<String> sources = new ArrayList<>();
    private final List<Maintainer> maintainers = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private String icon;
    private final List<ChartLink> links = new ArrayList<>();
    private final List<ChartChange> changes = new ArrayList<>();

    private Builder() {}

    public Builder kubeVersion(String kubeVersion) {
      this.kubeVersion = Objects.requireNonNull(kubeVersion, "kubeVersion");
      return this;
    }

    public Builder home(String home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    public Builder source(String source) {
      this.sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    public Builder maintainer(Maintainer maintainer) {
      this.maintainers.add(Objects.requireNonNull(maintainer, "maintainer"));
      return this;
    }

    public Builder keywords(String... keywords) {
      this.keywords.addAll(List.of(keywords));
      return this;
    }

    public Builder icon(String icon) {
      this.icon = Objects.requireNonNull(icon, "icon");
      return this;
    }

    public Builder link(String name, String url) {
      this.links.add(new ChartLink(name, url));
      return this;
    }

    public Builder change(ChartChange change) {
      this.changes.add(Objects.requireNonNull(change, "change"));
      return this;
    }

    public ChartMetadata build() {
      return new ChartMetadata(this);
    }
  }
}
