package io.chartascode.envapp;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a credential hides inside a value, whatever the variable's name. Each shape replaces only
 * the secret part with {@link Redactor#MASK} and keeps what helps debugging (scheme, host, port,
 * database, the kind of key). They run in declaration order, each on the output of the one before.
 */
enum SecretShape {

  /** {@code -----BEGIN RSA PRIVATE KEY-----...-----END RSA PRIVATE KEY-----}: the body. */
  PEM_BLOCK("(-----BEGIN ([A-Z0-9 ]{1,64})-----)(?s:.*?)(-----END \\2-----|$)") {
    @Override
    String replace(MatchResult match) {
      return match.group(1) + Redactor.MASK + match.group(3);
    }
  },

  /** A JSON Web Token (and a JWE's five parts): its header is base64 of {@code {"}. */
  JWT("eyJ[\\w-]+(?:\\.[\\w-]*){1,4}"),

  /**
   * Webhook URLs, whose path is the credential: after the first segment on a hooks host ({@code
   * hooks.slack.com/services/...}, {@code *.webhook.office.com/webhookb2/...}), after a {@code
   * hooks} or {@code webhooks} segment (Discord, Mattermost, GitLab), and a Telegram bot token.
   */
  WEBHOOK_PATH(
      "(?i)(https?://[^/\\s?#]*(?:hooks\\.|webhook)[^/\\s?#]*/[^/\\s?#]+/"
          + "|https?://[^\\s?#]*?/(?:hooks|webhooks?|webhookb2)/)[^\\s?#]+"
          + "|(/bot)\\d+:[\\w-]+") {
    @Override
    String replace(MatchResult match) {
      return (match.group(1) != null ? match.group(1) : match.group(2)) + Redactor.MASK;
    }
  },

  /**
   * A URL's user-info: the password ({@code postgres://app:******@db:5432/app}), which runs to the
   * last {@code @} before the path so that an unescaped {@code @} in it does not leak the rest; and
   * the lone user of an http(s) or ws(s) URL, which is a key there ({@code
   * https://******@o1.ingest.sentry.io/1}). A lone user elsewhere ({@code ssh://git@host}) is a
   * name, and stays.
   */
  URL_USERINFO(
      "([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\\s]*:)[^/?#\\s]*@|((?i:https?|wss?)://)[^/?#@:\\s]+@") {
    @Override
    String replace(MatchResult match) {
      return (match.group(1) != null ? match.group(1) : match.group(2)) + Redactor.MASK + "@";
    }
  },

  /**
   * An attribute whose key is a credential name ({@link SecretNames#isSecretKey}): query strings
   * ({@code ?password=}, {@code &sig=}), connection strings ({@code AccountKey=...;}, {@code
   * PWD=...;}), libpq ({@code password=x host=h}), JAAS ({@code password="..."}), JSON ({@code
   * "token": "..."}) and headers ({@code X-Api-Key: ...}). An unquoted value ends where its
   * context ends values (see {@code valueAt}), so a comma or quote in a password is masked too.
   */
  CREDENTIAL_ATTRIBUTE(
      "(?<![\\w.-])(?:\"([A-Za-z][\\w.-]*)\"\\s*[=:]|([A-Za-z][\\w.-]*)(?:\\s*=|:(?=\\s)))\\s*") {

    // Quoted (with escapes, or to the end if unclosed); else where the key's context ends it: a
    // query string at & (its values are percent-encoded), a connection string at ;, anything else
    // at white space. White space ends all three, as it ends a libpq or JAAS value.
    private final Pattern quoted = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?");
    private final Pattern queryValue = Pattern.compile("[^&\\s]+");
    private final Pattern attributeValue = Pattern.compile("[^;\\s]+");
    private final Pattern wordValue = Pattern.compile("\\S+");

    // Keys are found one by one: the value of a key that is not secret is searched again, so a
    // secret key inside it (a JSON object, "a=b,password=x") is still found.
    @Override
    String mask(String value) {
      Matcher key = pattern().matcher(value);
      StringBuilder out = new StringBuilder(value.length());
      int copied = 0;
      int from = 0;
      while (key.find(from)) {
        from = key.end();
        String name = key.group(1) != null ? key.group(1) : key.group(2);
        Matcher secret = valueAt(value, key.start(), key.end());
        if (secret == null || !SecretNames.isSecretKey(name)) {
          continue;
        }
        char first = secret.group().charAt(0);
        String quote = first == '"' || first == '\'' ? String.valueOf(first) : "";
        out.append(value, copied, key.end()).append(quote).append(Redactor.MASK).append(quote);
        copied = secret.end();
        from = secret.end();
      }
      return copied == 0 ? value : out.append(value, copied, value.length()).toString();
    }

    /** The value that starts at {@code start}, for a key at {@code keyStart}; null if empty. */
    private Matcher valueAt(String value, int keyStart, int start) {
      char before = keyStart == 0 ? ';' : value.charAt(keyStart - 1);
      Pattern unquoted =
          before == '?' || before == '&'
              ? queryValue
              : before == ';' ? attributeValue : wordValue;
      for (Pattern form : new Pattern[] {quoted, unquoted}) {
        Matcher matcher = form.matcher(value).region(start, value.length());
        if (matcher.lookingAt()) {
          return matcher;
        }
      }
      return null;
    }
  },

  /**
   * A long random token in any value, e.g. a cloud access key: 24 or more base64 characters that
   * mix upper case, lower case and digits with at least 3.3 bits of entropy per character (random
   * ones have about 4; see {@link #isHighEntropy}). Hex strings are left alone, since git commits
   * and image digests are what debugging needs; so are lower-case paths and pod names.
   */
  HIGH_ENTROPY_TOKEN("[A-Za-z0-9+/_-]{24,}=*") {
    @Override
    String replace(MatchResult match) {
      return isHighEntropy(match.group()) ? Redactor.MASK : match.group();
    }
  };

  private final Pattern pattern;

  SecretShape(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  Pattern pattern() {
    return pattern;
  }

  /** The value with every secret of every shape masked. */
  static String maskAll(String value) {
    String masked = value;
    for (SecretShape shape : values()) {
      masked = shape.mask(masked);
    }
    return masked;
  }

  String mask(String value) {
    Matcher matcher = pattern().matcher(value);
    if (!matcher.find()) {
      return value; // the common case: no copy
    }
    StringBuilder out = new StringBuilder(value.length());
    do {
      matcher.appendReplacement(out, Matcher.quoteReplacement(replace(matcher)));
    } while (matcher.find());
    return matcher.appendTail(out).toString();
  }

  /** What stands in the output for one match; by default the whole match is secret. */
  String replace(MatchResult match) {
    return Redactor.MASK;
  }

  // Random base64 of 24 characters has 4.2 bits per character on average and stays above 3.5
  // (shorter runs are versions such as 15+6-Debian-1deb12u1 more often than keys);
  // camel-case words with a digit (MyApplication2Launcher) come near 4 too, and are masked: an
  // over-masked value costs an ENVAPP_REVEAL entry, a leaked key costs a rotation.
  static boolean isHighEntropy(String token) {
    int length = token.length();
    while (length > 0 && token.charAt(length - 1) == '=') {
      length--; // base64 padding says nothing about randomness
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int[] counts = new int[128];
    for (int i = 0; i < length; i++) {
      char c = token.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
      counts[c]++;
    }
    if (!(upper && lower && digit)) {
      return false;
    }
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / length;
        bits -= p * Math.log(p);
      }
    }
    return bits / Math.log(2) >= 3.3;
  }
}
