package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where chart-as-code:import puts the source, and what it refuses to replace. */
class SourceRootWriterTest {
  private static final Path SHOP = Path.of("src/test/resources/inputs/shop-api.yaml");

  @TempDir Path sourceRoot;

  @Test
  void writesTheClassUnderItsPackageInTheSourceRoot() throws IOException {
    ImportResult result = Importer.importFiles(ImportRequest.of(SHOP).withPackage("com.example"));

    Path file = SourceRootWriter.write(result, sourceRoot, false);

    assertThat(file).isEqualTo(sourceRoot.resolve("com/example/ShopApi.java"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("package com.example;")
        .contains("public final class ShopApi implements Catalog");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void refusesToReplaceAnExistingFileUnlessAsked() throws IOException {
    ImportResult result = Importer.importFiles(ImportRequest.of(SHOP).withClassName("Shop"));
    Path file = SourceRootWriter.write(result, sourceRoot, false);
    Files.writeString(file, "// refined by hand");

    assertThatThrownBy(() -> SourceRootWriter.write(result, sourceRoot, false))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("Shop.java exists; pass -Dimport.overwrite=true to replace it");
    assertThat(Files.readString(file)).isEqualTo("// refined by hand");

    SourceRootWriter.write(result, sourceRoot, true);
    assertThat(Files.readString(file)).contains("class Shop implements Catalog");
  }
}
