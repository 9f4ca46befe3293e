package io.chartascode.generator.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Fuzz target (issue 17): arbitrary strings as a key, a scalar and an env value, written by {@link
 * YamlWriter}, read back as the same strings by a YAML 1.2 reader (snakeyaml-engine) and a YAML 1.1
 * reader (snakeyaml, which resolves {@code yes}, {@code on}, {@code 0x1F} and {@code 1_000} as helm's
 * YAML 1.1 reading does). {@code ./mvnw verify} replays the committed inputs in {@code
 * YamlWriterFuzzTestInputs/}, then fuzzes it with the root pom's fixed seed and bounds (fuzz.*);
 * bench/fuzz.sh fuzzes it for minutes.
 */
class YamlWriterFuzzTest {
  @FuzzTest
  void everyStringReadsBackAsItself(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for Jazzer's command line (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String key = data.consumeString(40);
    String value = data.consumeString(200);
    String envValue = data.consumeRemainingAsString();
    YamlMap tree = YamlMap.builder()
        .put(key, YamlScalar.string(value))
        .put("env", YamlSeq.of(List.of(YamlMap.builder().put("name", "A").put("value", YamlScalar.string(envValue)).build())))
        .build();
    String yaml = YamlWriter.write(tree);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put(key, value);
    expected.put("env", List.of(Map.of("name", "A", "value", envValue)));
    if (key.equals("env")) {
      return; // a duplicate key: not a string question
    }
    // The buffer holds the whole document: snakeyaml-engine 2.9 (and 2.10) throws
    // IndexOutOfBoundsException when a surrogate pair straddles the end of its 1024-char buffer
    // (this target's first finding; the input is in YamlWriterFuzzTestInputs/).
    Object yaml12 = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setBufferSize(yaml.length() + 1).build())
        .loadFromString(yaml);
    assertThat(yaml12).as("YAML 1.2 reading of:%n%s", yaml).isEqualTo(expected);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object yaml11 = new Yaml(new SafeConstructor(options)).load(yaml);
    assertThat(yaml11).as("YAML 1.1 reading of:%n%s", yaml).isEqualTo(expected);
  }
}
