package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Quantities;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** CPU and memory quantities parse, and every request is at most its limit, in every scenario. */
final class ResourcesRule extends ContainerRule {
  private static final Pattern CPU = Pattern.compile(Quantities.CPU);
  private static final Pattern MEMORY = Pattern.compile(Quantities.MEMORY);

  @Override
  public String id() {
    return "CAC-RES-001";
  }

  @Override
  List<Finding> check(Application app, Container container, String at) {
    List<Finding> findings = new ArrayList<>();
    Resources r = container.resources();
    String path = at + ".resources";
    for (Scenario s : Scenario.of(app)) {
      compare(path, "cpu", r.cpuRequest(), r.cpuLimit(), CPU, s, findings);
      compare(path, "memory", r.memoryRequest(), r.memoryLimit(), MEMORY, s, findings);
    }
    return findings;
  }

  private void compare(
      String path, String resource, Value<String> request, Value<String> limit, Pattern grammar,
      Scenario s, List<Finding> findings) {
    Optional<BigDecimal> req = parse(path + ".requests." + resource, request.evaluate(s.values()), grammar, s, findings);
    Optional<BigDecimal> lim = parse(path + ".limits." + resource, limit.evaluate(s.values()), grammar, s, findings);
    if (req.isPresent() && lim.isPresent() && req.get().compareTo(lim.get()) > 0) {
      findings.add(finding(path + ".requests." + resource,
          "request " + request.evaluate(s.values()) + " exceeds limit " + limit.evaluate(s.values()) + " "
              + s.description() + "; raise the limit or lower the request"));
    }
  }

  private Optional<BigDecimal> parse(String path, String quantity, Pattern grammar, Scenario s, List<Finding> findings) {
    if (!grammar.matcher(quantity).matches()) {
      findings.add(finding(path, "'" + quantity + "' " + s.description() + " is not a quantity (" + grammar.pattern() + ")"));
      return Optional.empty();
    }
    return Quantities.amount(quantity);
  }
}
