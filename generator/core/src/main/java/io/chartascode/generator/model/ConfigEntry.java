package io.chartascode.generator.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/** The value of one key of a {@link Configuration}. */
public sealed interface ConfigEntry {
  /** One answer for each kind of entry; the compiler sees both handled. */
  <R> R match(Function<Value<String>, R> text, Function<Path, R> file);

  /** Text given in the model, fixed or from a parameter that a values file or {@code --set} changes. */
  record Text(Value<String> value) implements ConfigEntry {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R match(Function<Value<String>, R> text, Function<Path, R> file) {
      return text.apply(value);
    }
  }

  /**
   * The content of a UTF-8 file of the project, e.g. {@code src/main/config/application.properties};
   * a relative path is read from the project directory when generating. The file is copied into
   * the chart ({@code files/}) and the Kustomize base, so each tree stands on its own.
   */
  record File(Path source) implements ConfigEntry {
    public File {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public <R> R match(Function<Value<String>, R> text, Function<Path, R> file) {
      return file.apply(source);
    }
  }
}
