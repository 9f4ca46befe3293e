package io.chartascode.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.cli.Main;
import io.chartascode.generator.testing.Command;
import io.chartascode.generator.testing.FileTrees;
import io.chartascode.services.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same model, same bytes: across runs, and across JVMs with other charsets and locales. */
class DeterminismTest {
  private static final SortedMap<String, String> RENDERED = Generator.render(Services.all());

  @Test
  void renderingTwiceGivesIdenticalFiles() {
    assertThat(Generator.render(Services.all())).isEqualTo(RENDERED);
  }

  @Test
  void everyFileIsLfOnlyWithExactlyOneTrailingNewline() {
    RENDERED.forEach(
        (path, content) ->
            assertThat(content)
                .as(path)
                .doesNotContain("\r")
                .endsWith("\n")
                .doesNotEndWith("\n\n")
                .doesNotStartWith("---"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "-Dfile.encoding=ISO-8859-1 -Dsun.jnu.encoding=ISO-8859-1",
        "-Duser.language=tr -Duser.country=TR",
        "-Duser.language=de -Duser.country=DE -Dfile.encoding=US-ASCII -Duser.timezone=Pacific/Kiritimati",
      })
  void aForkedGeneratorWithOtherDefaultsWritesTheSameBytes(String jvmOptions, @TempDir Path out) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions.split(" ")));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), out.toString()));
    Command.run(cmd).assertSuccess();

    SortedMap<String, byte[]> written = FileTrees.read(out);
    written.remove(io.chartascode.generator.write.FileTreeWriter.MANIFEST);
    assertThat(written.keySet()).containsExactlyElementsOf(RENDERED.keySet());
    RENDERED.forEach(
        (path, content) ->
            assertThat(written.get(path)).as(path).isEqualTo(content.getBytes(StandardCharsets.UTF_8)));
  }

}
