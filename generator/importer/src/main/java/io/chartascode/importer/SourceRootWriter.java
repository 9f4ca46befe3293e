package io.chartascode.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an imported model's source where the build compiles it: {@code
 * <sourceRoot>/<package path>/<Class>.java}. It never replaces a file unless asked, since the
 * file may hold the user's refinements, and a partly written file never appears.
 */
public final class SourceRootWriter {
  private SourceRootWriter() {}

  /** Writes {@code result} under {@code sourceRoot} and returns the file. */
  public static Path write(ImportResult result, Path sourceRoot, boolean overwrite) {
    Path target = sourceRoot.resolve(result.relativePath());
    if (Files.exists(target) && !overwrite) {
      throw new ImportException(
          target + " exists; pass -Dimport.overwrite=true to replace it, or choose another -Dimport.class");
    }
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), "." + result.className(), ".tmp");
      try {
        Files.writeString(temporary, result.source(), StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new ImportException(target + ": cannot write: " + e.getMessage(), e);
    }
    return target;
  }
}
