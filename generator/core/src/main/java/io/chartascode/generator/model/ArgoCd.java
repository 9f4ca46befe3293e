package io.chartascode.generator.model;

import java.util.Objects;

/**
 * Argo CD {@code Application}s for every environment: one syncing the Kustomize overlay, one the
 * chart with the environment's values file. Argo CD's own defaults unless set, so nothing about one
 * cluster (auto-prune, a project) reaches everyone's output.
 */
public final class ArgoCd {
  private final GitRepository repository;
  private final String project;
  private final String namespace;
  private final boolean automatedSync;
  private final boolean createNamespace;

  private ArgoCd(Builder b) {
    this.repository = b.repository;
    this.project = b.project;
    this.namespace = b.namespace;
    this.automatedSync = b.automatedSync;
    this.createNamespace = b.createNamespace;
  }

  /** Applications reading the generated tree from {@code repository}. */
  public static Builder builder(GitRepository repository) {
    return new Builder(repository);
  }

  public GitRepository repository() {
    return repository;
  }

  /** Default: {@code default}, the project every Argo CD installation has. */
  public String project() {
    return project;
  }

  /** Where the Applications live. Default: {@code argocd}, where Argo CD is installed by default. */
  public String namespace() {
    return namespace;
  }

  /** Sync, prune and self-heal without a person. Default: false, Argo CD's manual sync. */
  public boolean automatedSync() {
    return automatedSync;
  }

  /** Argo CD creates the environment's namespace. Default: false. */
  public boolean createNamespace() {
    return createNamespace;
  }

  /** Options, each with its default. */
  public static final class Builder {
    private final GitRepository repository;
    private String project = "default";
    private String namespace = "argocd";
    private boolean automatedSync;
    private boolean createNamespace;

    private Builder(GitRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
    }

    public Builder project(String project) {
      this.project = Objects.requireNonNull(project, "project");
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** Automated sync with prune and self-heal. */
    public Builder automatedSync() {
      this.automatedSync = true;
      return this;
    }

    /** {@code CreateNamespace=true}. */
    public Builder createNamespace() {
      this.createNamespace = true;
      return this;
    }

    public ArgoCd build() {
      return new ArgoCd(this);
    }
  }
}
