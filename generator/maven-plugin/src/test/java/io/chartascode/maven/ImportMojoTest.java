package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package an import lands in when none is given: the project's groupId, made legal. */
class ImportMojoTest {
  @ParameterizedTest
  @CsvSource({
    "com.example, com.example",
    "com.example-shop, com.example_shop",
    "io.Acme.Platform, io.acme.platform",
    "org.2fa.int, org._2fa._int",
  })
  void packageFromGroupId(String groupId, String expected) {
    assertThat(ImportMojo.javaPackage(groupId)).isEqualTo(expected);
  }
}
