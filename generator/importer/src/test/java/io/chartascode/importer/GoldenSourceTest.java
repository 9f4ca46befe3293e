package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.chartascode.importer.read.ManifestReader;
import io.chartascode.importer.testing.Compiled;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated source, byte for byte, as javapoet's own tests compare expected output. The goldens
 * in src/test/resources/golden/ are what a user gets; to accept a deliberate change, run
 * {@code ./mvnw -q -pl importer -am verify -Dimporter.golden.update=true} and review the diff.
 */
class GoldenSourceTest {
  private static final Path GOLDEN = Path.of(System.getProperty("importer.golden.dir", "src/test/resources/golden"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shop-api", "legacy-web"})
  void sourceIsTheGolden(String input) throws IOException {
    ImportResult result = importInput(input);
    Path golden = GOLDEN.resolve(result.className() + ".java.txt");
    if (Boolean.getBoolean("importer.golden.update")) {
      Files.writeString(golden, result.source(), StandardCharsets.UTF_8);
    }
    Assertions.assertEquals(
        Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing " + golden + ">",
        result.source(),
        "generated source differs from " + golden + "; if intended, rerun with -Dimporter.golden.update=true");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shop-api", "catalog", "legacy-web"})
  void sameInputSameBytes(String input) {
    ImportResult first = importInput(input);
    ImportResult second = importInput(input);
    assertThat(second.source()).isEqualTo(first.source());
    assertThat(first.source()).endsWith("}\n").doesNotContain("\r").doesNotContainPattern("[ \t]\n");
  }

  @Test
  void backslashesInFileNamesAndValuesStillCompile() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: ghcr.io/acme/web:1.0.0
                  env:
                    - name: HOME_DIR
                      value: 'C:\\users\\web'
        """;
    ImportResult result =
        Importer.importObjects(ManifestReader.parse("C:\\users\\me\\web.yaml", yaml), ImportRequest.of());
    assertThat(result.source()).contains("C:\\\\users");
    assertThat(Compiled.application(result).name()).isEqualTo("web");
  }

  private static ImportResult importInput(String input) {
    return Importer.importFiles(
        ImportRequest.of(Path.of("src/test/resources/inputs/" + input + ".yaml"))
            .withPackage("io.chartascode.services")
            .withEnvironment("prod"));
  }
}
