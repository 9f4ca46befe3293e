package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classes Maven loads before a goal runs (every mojo, when it builds the plugin's realm), and
 * those of a {@code generate} with nothing to do, name no class of chart-as-code-core or the
 * importer: those are not in the realm until {@link EngineClasspath} adds them, and a reference in
 * a field, a method's signature, a lambda or a catch clause fails with NoClassDefFoundError.
 */
class EngineClasspathTest {
  static final List<Class<?>> WITHOUT_ENGINE = List.of(
      AbstractModelMojo.class, GenerateMojo.class, CheckMojo.class, PackageMojo.class, PushMojo.class, ImportMojo.class,
      HelpMojo.class, ModelCompiler.class, ModelCompiler.Compiled.class, ModelClasspath.class,
      ModelClasspath.Entry.class, ProjectClasspath.class, GenerationStamp.class, LifecyclePlan.class,
      EngineClasspath.class, EngineClasspath.Library.class, ModelException.class);

  @Test
  void mojosAndTheUpToDatePathNameNoEngineClass() throws IOException {
    for (Class<?> type : WITHOUT_ENGINE) {
      String constants = constantPool(type);
      assertThat(constants).as(type.getName()).doesNotContain("io/chartascode/generator/").doesNotContain("io/chartascode/importer/");
    }
  }

  @Test
  void theStepsDoUseTheEngine() throws IOException {
    // The guard above reads class files as they are: this proves it can see such a reference.
    assertThat(constantPool(GenerateStep.class)).contains("io/chartascode/generator/write/FileTreeWriter");
  }

  /** The class file, as Latin-1 text: every class it refers to is a UTF-8 constant in it. */
  private static String constantPool(Class<?> type) throws IOException {
    String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
