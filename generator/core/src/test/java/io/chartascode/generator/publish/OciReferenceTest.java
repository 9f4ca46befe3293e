package io.chartascode.generator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OciReferenceTest {
  @Test
  void hostPortAndPath() {
    OciReference ref = OciReference.parse("oci://registry.example.com:5000/team/charts/");
    assertThat(ref.host()).isEqualTo("registry.example.com:5000");
    assertThat(ref.hostName()).isEqualTo("registry.example.com");
    assertThat(ref.repository("shop")).isEqualTo("team/charts/shop");
    assertThat(ref).hasToString("oci://registry.example.com:5000/team/charts");
    assertThat(OciReference.parse("oci://ghcr.io").repository("shop")).isEqualTo("shop");
  }

  @Test
  void plainHttpOnlyForLoopbackOrWhenAsked() {
    assertThat(OciRegistryClient.plainHttpAllowed(OciReference.parse("oci://127.0.0.1:5000/c"), false)).isTrue();
    assertThat(OciRegistryClient.plainHttpAllowed(OciReference.parse("oci://localhost:5000/c"), false)).isTrue();
    assertThat(OciRegistryClient.plainHttpAllowed(OciReference.parse("oci://[::1]:5000/c"), false)).isTrue();
    assertThat(OciRegistryClient.plainHttpAllowed(OciReference.parse("oci://ghcr.io/c"), false)).isFalse();
    assertThat(OciRegistryClient.plainHttpAllowed(OciReference.parse("oci://10.0.0.5:5000/c"), false)).isFalse();
    assertThat(OciRegistryClient.plainHttpAllowed(OciReference.parse("oci://10.0.0.5:5000/c"), true)).isTrue();
  }

  @Test
  void badReferencesSayWhatWouldDo() {
    assertThatThrownBy(() -> OciReference.parse("ghcr.io/team")).hasMessageContaining("must start with oci://")
        .hasMessageContaining("oci://ghcr.io/my-org/charts");
    assertThatThrownBy(() -> OciReference.parse("oci://ghcr.io/Team")).hasMessageContaining("not a valid OCI repository path");
    assertThatThrownBy(() -> OciReference.parse("oci://user:hunter2@ghcr.io/team"))
        .hasMessageContaining("must not carry credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }
}
