package io.chartascode.envapp;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hides credentials before the environment is printed, by name and by shape. In order:
 *
 * <ol>
 *   <li>a variable named in {@code secretBacked} (ENVAPP_SECRET_ENV: the deployment says it comes
 *       from a Secret) is masked whole, even if it is also revealed;
 *   <li>a variable named in {@code reveal} (ENVAPP_REVEAL) is shown as it is;
 *   <li>a variable whose name is a credential name ({@link SecretNames}) is masked whole;
 *   <li>in every other value, the secret parts of each {@link SecretShape} are masked.
 * </ol>
 *
 * <p>Names in both sets are compared exactly, as the environment's own names are.
 */
record Redactor(Set<String> reveal, Set<String> secretBacked) {

  static final String MASK = "******";

  Redactor {
    reveal = Set.copyOf(reveal);
    secretBacked = Set.copyOf(secretBacked);
  }

  Redactor(Config config) {
    this(config.reveal(), config.secretEnv());
  }

  /** The environment as printed: sorted by name, secrets masked. */
  SortedMap<String, String> apply(Map<String, String> env) {
    SortedMap<String, String> out = new TreeMap<>();
    env.forEach((name, value) -> out.put(name, redact(name, value)));
    return out;
  }

  /**
   * The start-up warning while ENVAPP_REVEAL is set: it names the variables (never their values),
   * and those that stay masked because they are secret-backed.
   */
  Optional<String> revealWarning() {
    if (reveal.isEmpty()) {
      return Optional.empty();
    }
    Set<String> shown = new TreeSet<>(reveal);
    shown.removeAll(secretBacked);
    Set<String> kept = new TreeSet<>(reveal);
    kept.retainAll(secretBacked);
    String warning =
        "ENVAPP_REVEAL prints " + (shown.isEmpty() ? "nothing" : String.join(", ", shown))
            + " unmasked; unset it once you are done debugging";
    if (!kept.isEmpty()) {
      warning += ". " + String.join(", ", kept)
          + " stay masked: ENVAPP_SECRET_ENV says they come from a Secret";
    }
    return Optional.of(warning);
  }

  String redact(String name, String value) {
    if (secretBacked.contains(name)) {
      return MASK;
    }
    if (reveal.contains(name)) {
      return value;
    }
    if (SecretNames.isSecretVariable(name)) {
      return MASK;
    }
    return SecretShape.maskAll(value);
  }
}
