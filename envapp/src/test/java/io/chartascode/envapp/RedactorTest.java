package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private static final String M = Redactor.MASK;

  private final Redactor redactor = new Redactor(Set.of(), Set.of());

  @Test
  void aCredentialNameMasksTheWholeValue() {
    assertThat(redactor.redact("DB_PASS", "pw456")).isEqualTo(M);
    assertThat(redactor.redact("DB_PASS", "postgres://u:pw@h/db")).isEqualTo(M);
  }

  @Test
  void anyOtherValueLosesOnlyTheSecretPartsOfItsShapes() {
    assertThat(redactor.redact("DATABASE_URL", "postgres://u:pw@h/db?sslpassword=k"))
        .isEqualTo("postgres://u:" + M + "@h/db?sslpassword=" + M);
    assertThat(redactor.redact("GREETING", "hello")).isEqualTo("hello");
  }

  @Test
  void revealListShowsChosenNamesVerbatim() {
    Redactor revealing = new Redactor(Set.of("API_KEY", "DB_URL"), Set.of());

    assertThat(
            revealing.apply(
                Map.of(
                    "API_KEY", "k-123",
                    "DB_URL", "postgres://u:pw@h/db",
                    "OTHER_TOKEN", "t",
                    "OTHER_URL", "postgres://u:pw@h/db")))
        .containsExactly(
            Map.entry("API_KEY", "k-123"),
            Map.entry("DB_URL", "postgres://u:pw@h/db"),
            Map.entry("OTHER_TOKEN", M),
            Map.entry("OTHER_URL", "postgres://u:" + M + "@h/db"));
  }

  @Test
  void revealIsCaseSensitiveLikeEnvironmentNames() {
    assertThat(new Redactor(Set.of("api_key"), Set.of()).redact("API_KEY", "k")).isEqualTo(M);
  }

  @Test
  void secretBackedNamesAreMaskedWhateverTheirNameOrShape() {
    Redactor model = new Redactor(Set.of(), Set.of("GREETING"));

    assertThat(model.redact("GREETING", "hello")).isEqualTo(M);
    assertThat(model.redact("OTHER", "hello")).isEqualTo("hello");
  }

  @Test
  void secretBackedWinsOverReveal() {
    Redactor both = new Redactor(Set.of("DB_URL"), Set.of("DB_URL"));

    assertThat(both.redact("DB_URL", "postgres://u:pw@h/db")).isEqualTo(M);
  }

  @Test
  void noRevealNoWarning() {
    assertThat(new Redactor(Set.of(), Set.of("A")).revealWarning()).isEmpty();
  }

  @Test
  void revealWarningNamesTheVariablesAndThoseThatStayMasked() {
    Redactor both = new Redactor(Set.of("B_TOKEN", "A_URL", "DB_PASS"), Set.of("DB_PASS"));

    assertThat(both.revealWarning())
        .hasValue(
            "ENVAPP_REVEAL prints A_URL, B_TOKEN unmasked; unset it once you are done debugging."
                + " DB_PASS stay masked: ENVAPP_SECRET_ENV says they come from a Secret");
  }
}
