package io.chartascode.generator.internal.yaml;

/**
 * A YAML tree that may hold template placeholders as data: a map, a sequence, a scalar, or raw
 * template text. {@link YamlWriter} is the only code that turns it into bytes.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar, YamlRawBlock {}
