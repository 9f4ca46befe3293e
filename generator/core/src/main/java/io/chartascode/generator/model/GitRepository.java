package io.chartascode.generator.model;

/**
 * Where the generated tree is committed, for GitOps tools that read it from Git (Argo CD).
 *
 * @param url the repository URL Argo CD clones
 * @param revision the branch, tag or commit to follow
 * @param generatedPath the path of {@code generated/} inside the repository
 */
public record GitRepository(String url, String revision, String generatedPath) {}
