package io.chartascode.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartascode.importer.ImportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as Maven runs it: every option passed, empty meaning "not given". */
class MainTest {
  private static final String SHOP = "src/test/resources/inputs/shop-api.yaml";

  @TempDir Path out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  void writesTheSourceUnderTheSourceRootAndPrintsTheReport() throws IOException {
    run("--files=" + SHOP, "--package=com.example", "--class=", "--environment=prod", "--deployment=",
        "--output=" + out, "--overwrite=false");
    Path file = out.resolve("com/example/ShopApi.java");
    assertThat(file).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("public final class ShopApi implements Catalog");
    assertThat(text(stdout))
        .startsWith("chart-as-code importer: wrote " + file + " (com.example.ShopApi)\n")
        .contains("The model renders the imported objects exactly as they are in the input.")
        .contains("-Dchartascode.catalog=com.example.ShopApi -Dgenerated.dir=/tmp/shop-api");
  }

  @Test
  void refusesToOverwriteUnlessAsked() {
    run("--files=" + SHOP, "--class=Shop", "--output=" + out);
    assertThatThrownBy(() -> run("--files=" + SHOP, "--class=Shop", "--output=" + out))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("Shop.java exists; pass -Dimport.overwrite=true to replace it");
    run("--files=" + SHOP, "--class=Shop", "--output=" + out, "--overwrite=true");
  }

  @Test
  void withoutOutputTheSourceGoesToStdoutAndTheReportToStderr() {
    run("--files=" + SHOP, "--output=");
    assertThat(text(stdout)).startsWith("// Imported by the chart-as-code importer").contains("package io.chartascode.services;");
    assertThat(text(stderr)).startsWith("Imported by the chart-as-code importer from " + SHOP + ".");
  }

  @Test
  void explainsMissingFilesAndUnknownArguments() {
    assertThatThrownBy(() -> run("--files=", "--output="))
        .hasMessageStartingWith("no input files; usage: -Dimport.files=");
    assertThatThrownBy(() -> run("--files=" + SHOP, "--colour=blue"))
        .hasMessageStartingWith("unknown argument --colour=blue; usage:");
  }

  private void run(String... args) {
    Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
