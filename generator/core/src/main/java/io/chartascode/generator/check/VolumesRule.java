package io.chartascode.generator.check;

import io.chartascode.generator.internal.k8s.WritableVolumes;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pod's volumes have one source each (never the node's filesystem, hostPath) and distinct
 * DNS-label names; every mount names one of them;
 * what a container reads and never writes (configMap, secret, projected, downwardAPI) is mounted
 * read-only, so a compromised process cannot change it for the next.
 */
final class VolumesRule implements Rule {
  @Override
  public String id() {
    return "CAC-VOL-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    String pod = ModelPaths.pod(app);
    // The writable directories' emptyDirs are volumes too; a model volume must not take their names.
    Set<String> writable = new HashSet<>();
    app.workload().allContainers().forEach(c -> c.writableDirectories().forEach(dir -> writable.add(WritableVolumes.name(dir))));
    Map<String, Volume> byName = new HashMap<>();
    List<Volume> volumes = new ArrayList<>(app.workload().volumes());
    // Volumes of a configuration or Secret: what kind they are is all this rule needs of them.
    app.workload().keyVolumes().forEach(v -> volumes.add(v.source().match(
        configuration -> new VolumeBuilder().withName(v.name()).withNewConfigMap().endConfigMap().build(),
        secret -> new VolumeBuilder().withName(v.name()).withNewSecret().endSecret().build())));
    for (Volume volume : volumes) {
      String name = volume.getName() == null ? "" : volume.getName();
      String path = pod + ".volumes[" + name + "]";
      if (!KubernetesNames.isDnsLabel(name)) {
        findings.add(finding(path + ".name", "'" + name + "' is not a DNS-1123 label"));
      }
      if (writable.contains(name) || byName.containsKey(name)) {
        findings.add(finding(path + ".name", "'" + name + "' is taken"
            + (writable.contains(name) ? " by a writable directory's emptyDir" : " by another volume")));
      }
      byName.put(name, volume);
      long sources = Stream.of(volume.getConfigMap(), volume.getSecret(), volume.getProjected(), volume.getDownwardAPI(),
          volume.getEmptyDir(), volume.getPersistentVolumeClaim(), volume.getEphemeral(), volume.getCsi(), volume.getImage())
          .filter(s -> s != null).count();
      if (volume.getHostPath() != null) {
        findings.add(finding(path + ".hostPath", "mounts the node's own filesystem into the pod, which no"
            + " application should need; use a persistentVolumeClaim, or an emptyDir for scratch space"));
      } else if (sources != 1) {
        findings.add(finding(path, "has " + sources + " sources; give exactly one (configMap, secret, projected,"
            + " downwardAPI, emptyDir, persistentVolumeClaim, ephemeral, csi or image)"));
      }
    }
    for (Container c : app.workload().allContainers()) {
      for (VolumeMount mount : c.mounts()) {
        String path = ModelPaths.container(app, c) + ".volumeMounts[" + mount.getMountPath() + "]";
        if (!byName.containsKey(mount.getName()) && !writable.contains(mount.getName())) {
          findings.add(finding(path, "mounts '" + mount.getName() + "', which is no volume of the pod; add it with"
              + " Workload.Builder.volume(...)"));
          continue;
        }
        Volume volume = byName.get(mount.getName());
        boolean readOnlySource = volume != null && (volume.getConfigMap() != null || volume.getSecret() != null
            || volume.getProjected() != null || volume.getDownwardAPI() != null);
        if (readOnlySource && !Boolean.TRUE.equals(mount.getReadOnly())) {
          findings.add(finding(path + ".readOnly", "mounts " + kind(volume) + " volume '" + mount.getName()
              + "' writable; set readOnly: true (Container.Builder.mountReadOnly)"));
        }
      }
    }
    return findings;
  }

  private static String kind(Volume volume) {
    return volume.getConfigMap() != null ? "configMap" : volume.getSecret() != null ? "secret"
        : volume.getProjected() != null ? "projected" : "downwardAPI";
  }
}
