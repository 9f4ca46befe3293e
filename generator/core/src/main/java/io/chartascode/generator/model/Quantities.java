package io.chartascode.generator.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantity grammar of Kubernetes resources, restricted to the forms people write for cpu and
 * memory. The same patterns go into {@code values.schema.json}, so Helm and the generator agree.
 */
public final class Quantities {
  /** Whole or decimal cores ({@code 2}, {@code 0.5}) or millicores ({@code 250m}). */
  public static final String CPU = "^([0-9]+(\\.[0-9]{1,3})?|[0-9]+m)$";

  /** Bytes with an optional binary or decimal suffix ({@code 128Mi}, {@code 1G}, {@code 1048576}). */
  public static final String MEMORY = "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

  private static final Pattern PARTS = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)([A-Za-z]*)$");
  private static final Map<String, BigDecimal> FACTORS =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("m", new BigDecimal("0.001")),
          Map.entry("k", BigDecimal.TEN.pow(3)),
          Map.entry("M", BigDecimal.TEN.pow(6)),
          Map.entry("G", BigDecimal.TEN.pow(9)),
          Map.entry("T", BigDecimal.TEN.pow(12)),
          Map.entry("P", BigDecimal.TEN.pow(15)),
          Map.entry("E", BigDecimal.TEN.pow(18)),
          Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
          Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
          Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
          Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
          Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
          Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

  private Quantities() {}

  /** The amount in base units (cores or bytes), or empty when the text is not a quantity. */
  public static Optional<BigDecimal> amount(String quantity) {
    Matcher m = PARTS.matcher(quantity);
    if (!m.matches() || !FACTORS.containsKey(m.group(2))) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(m.group(1)).multiply(FACTORS.get(m.group(2))));
  }
}
