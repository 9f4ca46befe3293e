package io.chartascode.generator.internal.yaml;

import java.util.function.IntFunction;

/**
 * Template text that produces a whole block at a given indentation, such as Helm's
 * {@code {{- include "app.labels" . | nindent 4 }}}. The writer supplies the indentation, so the
 * block can never be mis-indented by hand.
 */
public record YamlRawBlock(IntFunction<String> lineAtIndent) implements YamlNode {}
