package io.chartascode.generator.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A chart maintainer, as {@code Chart.yaml}'s {@code maintainers} lists them. chart-testing checks
 * that {@code name} is an account on the chart's Git host (a GitHub login, say), so use that.
 *
 * @param name the account name; required
 * @param email optional
 * @param url optional, an http(s) URL
 */
public record Maintainer(String name, Optional<String> email, Optional<String> url) {
  public Maintainer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(url, "url");
  }

  public static Maintainer of(String name) {
    return new Maintainer(name, Optional.empty(), Optional.empty());
  }

  public static Maintainer of(String name, String email) {
    return new Maintainer(name, Optional.of(email), Optional.empty());
  }

  public Maintainer withUrl(String url) {
    return new Maintainer(name, email, Optional.of(url));
  }
}
