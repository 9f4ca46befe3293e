package io.chartascode.generator.internal.render.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import org.junit.jupiter.api.Test;

/** Placeholders are typed by construction: text is always quoted, numbers and booleans never. */
class HelmExpressionsTest {
  private static final Parameter<String> TAG = Parameter.string("tag", "v1").build();
  private static final Parameter<Integer> PORT = Parameter.integer("service.port", 80).build();
  private static final Parameter<Boolean> PROD = Parameter.bool("prod", false).build();
  private static final Parameter<String> CPU = Parameter.cpu("resources.limits.cpu", "500m").build();

  @Test
  void textParametersAreQuoted() {
    assertThat(HelmExpressions.action(Value.of(TAG))).isEqualTo("{{ .Values.tag | quote }}");
    assertThat(HelmExpressions.action(Value.of(CPU))).isEqualTo("{{ .Values.resources.limits.cpu | quote }}");
  }

  @Test
  void operandsAreUnquotedSoThatAParameterEqualsTheSameFixedText() {
    assertThat(HelmExpressions.operand(Value.of(TAG))).isEqualTo("(toString .Values.tag)");
    assertThat(HelmExpressions.operand(Value.fixed("v1"))).isEqualTo("\"v1\"");
    assertThat(HelmExpressions.operand(Value.asText(PORT))).isEqualTo("(toString .Values.service.port)");
  }

  @Test
  void numbersAndBooleansAreNot() {
    assertThat(HelmExpressions.action(Value.of(PORT))).isEqualTo("{{ .Values.service.port }}");
    assertThat(HelmExpressions.action(Value.of(PROD))).isEqualTo("{{ .Values.prod }}");
  }

  @Test
  void theTextFormOfABooleanIsAQuotedString() {
    assertThat(HelmExpressions.action(Value.asText(PROD))).isEqualTo("{{ .Values.prod | toString | quote }}");
  }

  @Test
  void joinedTextIsOnePrintfQuotedOnce() {
    Parameter<String> hub = Parameter.string("hub", "kkrast").build();
    Value<String> image = Value.join(Value.of(hub), Value.fixed("/app%:"), Value.of(TAG));
    assertThat(HelmExpressions.action(image))
        .isEqualTo("{{ printf \"%s/app%%:%s\" .Values.hub .Values.tag | quote }}");
  }

  @Test
  void aConditionIsABooleanParameterOrAConstant() {
    assertThat(HelmExpressions.condition(Value.of(PROD))).isEqualTo(".Values.prod");
    assertThat(HelmExpressions.condition(Value.fixed(true))).isEqualTo("true");
    assertThat(HelmExpressions.condition(Value.fixed(false))).isEqualTo("false");
  }
}
