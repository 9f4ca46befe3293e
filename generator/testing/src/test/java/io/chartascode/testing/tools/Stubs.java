package io.chartascode.testing.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Shell scripts that stand in for helm and kubectl, answering the version question as told. */
final class Stubs {

  private Stubs() {}

  /** A helm that reports {@code version} (e.g. {@code v3.17.1}), whatever it is asked. */
  static Path helm(Path directory, String version) {
    return script(directory.resolve("helm"), "echo '" + version + "'");
  }

  /** A kubectl whose {@code version --client -o json} reports these versions. */
  static Path kubectl(Path directory, String version, String kustomize) {
    return script(directory.resolve("kubectl"), "cat <<'EOF'\n{\n  \"clientVersion\": {\n    \"major\": \"1\",\n"
        + "    \"gitVersion\": \"" + version + "\",\n    \"platform\": \"linux/amd64\"\n  },\n"
        + "  \"kustomizeVersion\": \"" + kustomize + "\"\n}\nEOF");
  }

  /** An executable {@code /bin/sh} script with this body. */
  static Path script(Path file, String body) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "#!/bin/sh\n" + body + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
