package io.chartascode.envapp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The one list of names that mark a credential: variable names ({@code DB_PASS}) and the keys of
 * attributes inside values ({@code ?sig=}, {@code AccountKey=}). A name is split into words at
 * {@code _}, {@code -}, {@code .} and lower-to-upper case changes, so {@code db-pass}, {@code
 * DB_PASS} and {@code dbPass} are the same name.
 *
 * <p>Each family lists its words in up to three ways, from loosest to strictest:
 *
 * <ul>
 *   <li><b>anywhere</b>: long stems that mean a secret wherever they appear ({@code PASSWORD} in
 *       {@code MYSQLPASSWORD_FILE});
 *   <li><b>word end</b>: a word that is the stem or ends with it, plural included. Compounds that end
 *       in {@code KEY} or {@code TOKEN} are nearly always secrets ({@code APIKEY}, {@code
 *       ACCESSTOKEN}), while {@code KEYBOARD} and {@code TOKENIZERS} do not end with them;
 *   <li><b>word</b>: short stems whose compounds are mostly plain English ({@code BYPASS}, {@code
 *       COMPASS}), so only the whole word counts.
 * </ul>
 *
 * <p>It still over-masks on purpose ({@code MONKEY}, {@code SSH_AUTH_SOCK}): a false positive costs
 * an entry in ENVAPP_REVEAL, a false negative leaks a secret.
 */
final class SecretNames {

  /** One family of credential names, as a pattern over {@link #words(String)}. */
  record Family(String id, Pattern pattern) {

    boolean matches(String words) {
      return pattern.matcher(words).find();
    }
  }

  static final List<Family> FAMILIES =
      List.of(
          family("password", "PASSWORD|PASSWD|PASSPHRASE|PASSCODE", "", "PASS|PWD|PW"),
          family("token", "", "TOKEN", ""),
          family("secret", "SECRET", "", ""),
          family("key", "", "KEY", ""),
          family("credential", "CREDENTIAL", "", "CREDS?"),
          family("auth", "AUTHORIZATION", "AUTH", ""),
          family("cookie", "", "COOKIE", ""),
          // The session itself, as the last word: SESSION and SESSION_ID, not SESSION_TIMEOUT.
          family("session", "", "", "SESSION(?:_?ID)?(?=_$)"),
          family("signature", "SIGNATURE", "", "SIG"),
          family("private", "PRIVATE", "", ""),
          family("dsn", "", "DSN", ""),
          family("webhook", "WEBHOOK", "", ""),
          family("connection string", "", "", "CONN(?:ECTION)?_?STR(?:ING)?S?"));

  /**
   * The shell's working directories. As variable names they are shown, since they are paths, not
   * passwords; as a key inside a value ({@code PWD=} in an ODBC string) they still count.
   */
  private static final Set<String> SHELL_VARIABLES = Set.of("PWD", "OLDPWD");

  private static final Pattern CASE_CHANGE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

  private SecretNames() {}

  /** Whether a variable of this name holds a credential. */
  static boolean isSecretVariable(String name) {
    return !SHELL_VARIABLES.contains(name) && isSecretKey(name);
  }

  /** Whether an attribute key inside a value ({@code password}, {@code sig}) names a credential. */
  static boolean isSecretKey(String key) {
    return family(key) != null;
  }

  /** The first family that claims the name, or null. */
  static Family family(String name) {
    String words = words(name);
    for (Family family : FAMILIES) {
      if (family.matches(words)) {
        return family;
      }
    }
    return null;
  }

  /** {@code "dbPass-file.X"} becomes {@code "_DB_PASS_FILE_X_"}: upper case, one {@code _} apart. */
  static String words(String name) {
    StringJoiner words = new StringJoiner("_", "_", "_");
    for (String word : SEPARATORS.split(CASE_CHANGE.matcher(name).replaceAll("_"))) {
      if (!word.isEmpty()) {
        words.add(word.toUpperCase(Locale.ROOT));
      }
    }
    return words.toString();
  }

  // One pattern over "_WORD_WORD_" from the three kinds of stems (see the class comment); a
  // plural or a number may follow a word ("KEYS", "TOKEN2").
  private static Family family(String id, String anywhere, String wordEnd, String word) {
    StringJoiner regex = new StringJoiner("|");
    if (!anywhere.isEmpty()) {
      regex.add("(?:" + anywhere + ")");
    }
    if (!wordEnd.isEmpty()) {
      regex.add("(?:" + wordEnd + ")S?\\d*_");
    }
    if (!word.isEmpty()) {
      regex.add("_(?:" + word + ")S?\\d*_");
    }
    return new Family(id, Pattern.compile(regex.toString()));
  }
}
