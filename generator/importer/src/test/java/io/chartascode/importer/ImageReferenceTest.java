package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.importer.plan.ImageReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image references split the model's way: hub (everything before the last '/'), name, tag. */
class ImageReferenceTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "kkrast/envapp:v1,                      kkrast,                 envapp,  v1,      kkrast/envapp:v1",
    "ghcr.io/acme/team/api:1.10,            ghcr.io/acme/team,      api,     1.10,    ghcr.io/acme/team/api:1.10",
    "localhost:5000/dev/web:2,              localhost:5000/dev,     web,     2,       localhost:5000/dev/web:2",
    "localhost:5000/web,                    localhost:5000,         web,     latest,  localhost:5000/web:latest",
    "nginx:1.25.3,                          docker.io/library,      nginx,   1.25.3,  docker.io/library/nginx:1.25.3",
    "nginx,                                 docker.io/library,      nginx,   latest,  docker.io/library/nginx:latest",
    "quay.io/x/y:1@sha256:abc,              quay.io/x,              y,       1,       quay.io/x/y:1",
  })
  void splits(String reference, String hub, String name, String tag, String written) {
    ImageReference image = ImageReference.parse(reference);
    assertThat(image.hub()).isEqualTo(hub);
    assertThat(image.name()).isEqualTo(name);
    assertThat(image.tag()).isEqualTo(tag);
    assertThat(image.reference()).isEqualTo(written);
    assertThat(image.digest().isPresent()).isEqualTo(reference.contains("@"));
  }
}
