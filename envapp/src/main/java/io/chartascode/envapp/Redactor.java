package io.chartascode.envapp;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Hides credentials before the environment is printed. A value is replaced by {@link #MASK} when
 * its variable's name contains, in any case, one of PASSWORD, PASSWD, SECRET, TOKEN, KEY,
 * CREDENTIAL, PRIVATE or AUTH. In every other value, the password of a URL's user-info ({@code
 * postgres://u:pw@h/db}) is masked. Names listed in {@code reveal} are shown as they are.
 *
 * <p>Substring matching over-masks on purpose ({@code AUTHOR}, {@code MONKEY}): a false positive
 * costs a look at ENVAPP_REVEAL, a false negative leaks a secret.
 */
record Redactor(Set<String> reveal) {

  static final String MASK = "******";

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE|AUTH", Pattern.CASE_INSENSITIVE);

  // scheme://user:password@ — the password runs to the last '@' of the authority (before / ? #),
  // so an unescaped '@' inside it is masked too rather than leaking the tail.
  private static final Pattern URL_PASSWORD =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\\s]*):[^/?#\\s]*@");

  Redactor {
    reveal = Set.copyOf(reveal);
  }

  /** The environment as printed: sorted by name, secrets masked. */
  SortedMap<String, String> apply(Map<String, String> env) {
    SortedMap<String, String> out = new TreeMap<>();
    env.forEach((name, value) -> out.put(name, redact(name, value)));
    return out;
  }

  String redact(String name, String value) {
    if (reveal.contains(name)) {
      return value;
    }
    if (isSecretName(name)) {
      return MASK;
    }
    return maskUrlPasswords(value);
  }

  static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name).find();
  }

  static String maskUrlPasswords(String value) {
    return URL_PASSWORD.matcher(value).replaceAll("$1:" + MASK + "@");
  }
}
