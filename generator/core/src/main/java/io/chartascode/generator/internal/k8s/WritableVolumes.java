package io.chartascode.generator.internal.k8s;

/** The emptyDir volume behind a container's writable directory, named after the directory. */
public final class WritableVolumes {
  private WritableVolumes() {}

  /** {@code /tmp} → {@code tmp}: a DNS label for the emptyDir volume. */
  public static String name(String directory) {
    String name = directory.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "root" : name;
  }
}
