package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.EnvFrom;
import io.chartascode.generator.model.KeyRef;
import io.chartascode.generator.model.KeyVolume;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;

/**
 * The references a pod makes to a {@link KeySource}: {@code configMapKeyRef}/{@code secretKeyRef},
 * {@code envFrom} and volumes. A Configuration's ConfigMap is named through {@link
 * Binder#configMapName}, a Secret through its name's value, so each reference follows the object.
 */
final class KeySourceRefs {
  /** Secret files are readable by their owner only; ConfigMap files keep Kubernetes' 0644. */
  static final int SECRET_FILE_MODE = 0400;

  private KeySourceRefs() {}

  static EnvVarSource envVarSource(Binder b, KeyRef ref) {
    EnvVarSourceBuilder source = new EnvVarSourceBuilder();
    return ref.source().match(
        configuration -> source.withNewConfigMapKeyRef()
            .withName(b.configMapName(configuration)).withKey(ref.key()).endConfigMapKeyRef().build(),
        secret -> source.withNewSecretKeyRef()
            .withName(b.value(secret.name())).withKey(ref.key()).endSecretKeyRef().build());
  }

  static EnvFromSource envFromSource(Binder b, EnvFrom from) {
    EnvFromSourceBuilder source = new EnvFromSourceBuilder().withPrefix(from.prefix().isEmpty() ? null : from.prefix());
    return from.source().match(
        configuration -> source.withNewConfigMapRef().withName(b.configMapName(configuration)).endConfigMapRef().build(),
        secret -> source.withNewSecretRef().withName(b.value(secret.name())).endSecretRef().build());
  }

  static Volume volume(Binder b, KeyVolume volume) {
    // No items: every key. Null rather than empty, so the field is left out.
    List<KeyToPath> items =
        volume.keys().isEmpty() ? null : volume.keys().stream().map(key -> new KeyToPath(key, null, key)).toList();
    Volume built = new Volume();
    built.setName(volume.name());
    return volume.source().match(
        configuration -> {
          built.setConfigMap(new ConfigMapVolumeSource(null, items, b.configMapName(configuration), null));
          return built;
        },
        secret -> {
          built.setSecret(new SecretVolumeSource(SECRET_FILE_MODE, items, null, b.value(secret.name())));
          return built;
        });
  }
}
