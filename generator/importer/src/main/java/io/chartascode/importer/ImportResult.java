package io.chartascode.importer;

import io.chartascode.generator.model.Application;

/**
 * One import: the Java source, where it belongs, the report, and the model the source builds
 * (made in this JVM, the same way the compiled source makes it).
 */
public record ImportResult(
    String packageName, String className, String source, ImportReport report, Application application) {

  /** {@code com.example.ShopApi}. */
  public String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** {@code com/example/ShopApi.java}, relative to a source root. */
  public String relativePath() {
    return qualifiedName().replace('.', '/') + ".java";
  }
}
