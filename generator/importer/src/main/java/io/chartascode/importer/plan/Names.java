package io.chartascode.importer.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Parameter, constant and class names made from Kubernetes names, each handed out once. */
public final class Names {
  private final Set<String> taken = new HashSet<>();

  /** {@code base}, or {@code base2}, {@code base3}... if already handed out. */
  public String unique(String base) {
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** {@code statsd-exporter} and {@code LOG_LEVEL} → {@code statsdExporter}, {@code logLevel}. */
  public static String lowerCamel(String text) {
    List<String> words = words(text);
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      out.append(out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    String name = out.length() == 0 ? "x" : out.toString();
    return Character.isLetter(name.charAt(0)) ? name : "x" + name;
  }

  /** {@code shop-api} → {@code ShopApi}. */
  public static String upperCamel(String text) {
    String camel = lowerCamel(text);
    return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }

  /** {@code statsd-exporter} → {@code STATSD_EXPORTER}. */
  public static String upperSnake(String text) {
    String snake = words(text).stream().map(w -> w.toUpperCase(Locale.ROOT)).collect(Collectors.joining("_"));
    return snake.isEmpty() || !Character.isLetter(snake.charAt(0)) ? "X" + snake : snake;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String part : text.split("[^A-Za-z0-9]+")) {
      // camelCase parts split at their humps: appVersion → app, version.
      for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }
}
