package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Test helper: a secret leaks if the body holds it in any form a reader could decode. */
final class Leaks {

  private Leaks() {}

  /** The forms checked: as is, JSON-escaped, and URL-encoded (form and percent style). */
  static Set<String> forms(String secret) {
    String form = URLEncoder.encode(secret, UTF_8);
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    forms.add(form);
    forms.add(form.replace("+", "%20"));
    return forms;
  }

  static void assertNoneIn(byte[] body, Collection<String> secrets, String context) {
    String text = new String(body, UTF_8);
    for (String secret : secrets) {
      for (String form : forms(secret)) {
        assertThat(text)
            .as("%s: the secret %s leaked as %s", context, quoted(secret), quoted(form))
            .doesNotContain(form);
      }
    }
  }

  private static String quoted(String s) {
    return "'" + s + "'";
  }
}
