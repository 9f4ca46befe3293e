package io.chartascode.importer.plan;

/** A field of the imported model: a constant, or a parameter's current value. */
public sealed interface ValuePlan {
  /** {@code Value.fixed(value)}. */
  record Fixed(Object value) implements ValuePlan {}

  /** {@code Value.of(parameter)}. */
  record Ref(ParameterPlan parameter) implements ValuePlan {}

  static ValuePlan fixed(Object value) {
    return new Fixed(value);
  }

  static ValuePlan of(ParameterPlan parameter) {
    return new Ref(parameter);
  }

  /** The value the model has unless told otherwise: the constant, or the parameter's default. */
  default Object defaultValue() {
    return this instanceof Ref ref ? ref.parameter().defaultValue() : ((Fixed) this).value();
  }
}
