package io.chartascode.generator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The files of the user's project that the model names, such as a configuration file, read from
 * the project directory (the Maven module's basedir). Each file is read once per run, so the
 * validator and both renderers see the same content.
 */
public final class ProjectFiles {
  /** Kubernetes refuses a ConfigMap or Secret larger than this (etcd's request limit). */
  public static final int MAX_OBJECT_BYTES = 1024 * 1024;

  private final Path directory;
  private final Map<Path, Content> read = new HashMap<>();

  /** A file's text, its bytes in base64 where it is not UTF-8 text, or why it has neither. */
  public sealed interface Content {
    /** How many bytes the file has. */
    int bytes();

    record Text(String text, int bytes) implements Content {}

    /** Not UTF-8: a ConfigMap holds it in {@code binaryData}, as Kustomize decides (Go's {@code utf8.Valid}). */
    record Binary(String base64, int bytes) implements Content {}

    record Unreadable(String reason) implements Content {
      @Override
      public int bytes() {
        return 0;
      }
    }
  }

  private ProjectFiles(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  public static ProjectFiles in(Path directory) {
    return new ProjectFiles(directory);
  }

  /** The working directory: where tests and the command line run. */
  public static ProjectFiles workingDirectory() {
    return in(Path.of(""));
  }

  public Path directory() {
    return directory;
  }

  /** The file's content, decoded as strict UTF-8. */
  public synchronized Content read(Path source) {
    return read.computeIfAbsent(source, this::load);
  }

  /** The content of a file the validator has accepted. */
  public Content readable(Path source) {
    Content content = read(source);
    if (content instanceof Content.Unreadable) {
      throw new IllegalStateException(source + " was not validated: " + content);
    }
    return content;
  }

  private Content load(Path source) {
    Path file = directory.resolve(source);
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        return new Content.Unreadable("there is no file " + file);
      }
      if (Files.size(file) > MAX_OBJECT_BYTES) {
        return new Content.Unreadable(file + " has " + Files.size(file) + " bytes, over the 1 MiB a ConfigMap may hold");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Content.Unreadable("cannot read " + file + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      return new Content.Unreadable("cannot read " + file + ": " + e.getCause().getMessage());
    }
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Content.Text(text, bytes.length);
    } catch (CharacterCodingException e) {
      return new Content.Binary(Base64.getEncoder().encodeToString(bytes), bytes.length);
    }
  }
}
