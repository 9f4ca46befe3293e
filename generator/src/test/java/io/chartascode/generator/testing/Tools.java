package io.chartascode.generator.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real helm and kubectl binaries that {@code tools/fetch-tools.sh} installs during the build.
 * A missing binary fails the test: these tests must run, never be skipped.
 */
public enum Tools {
  HELM_3("helm-v3.17.1/helm", 3),
  HELM_4("helm-v4.1.4/helm", 4),
  KUBECTL_1_31("kubectl-v1.31.0/kubectl", 0),
  KUBECTL_1_34("kubectl-v1.34.5/kubectl", 0);

  private final String relativePath;
  private final int helmMajor;

  Tools(String relativePath, int helmMajor) {
    this.relativePath = relativePath;
    this.helmMajor = helmMajor;
  }

  public String path() {
    String dir = System.getProperty("tools.dir");
    if (dir == null) {
      throw new IllegalStateException("system property tools.dir is not set; run the tests with ./mvnw verify");
    }
    Path binary = Path.of(dir, relativePath);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          binary + " is missing; run tools/fetch-tools.sh (./mvnw verify does it for you)");
    }
    return binary.toString();
  }

  public int helmMajor() {
    return helmMajor;
  }

  /** A helm binary paired with the kubectl (kustomize) of the same npm package. */
  public record Pair(Tools helm, Tools kubectl) {
    @Override
    public String toString() {
      return helm.relativePath.split("/")[0] + " + " + kubectl.relativePath.split("/")[0];
    }
  }

  public static java.util.List<Pair> pairs() {
    return java.util.List.of(new Pair(HELM_3, KUBECTL_1_31), new Pair(HELM_4, KUBECTL_1_34));
  }
}
