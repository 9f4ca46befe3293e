package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * chart-testing's ({@code ct lint}) rules for Chart.yaml, on envapp's chart: its schema,
 * etc/chart_schema.yaml of helm/chart-testing (yamale, strict: no other keys), transcribed below,
 * and its maintainer rule (a chart that is not deprecated has maintainers, each named by a Git host
 * account). ct checks the accounts over the network; here only their syntax (GitHub logins).
 */
class ChartTestingRulesTest {
  private static final Path CHART = Path.of(System.getProperty("generated.dir", "../../generated"), "helm/envapp");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

  private static final Predicate<JsonNode> STR = JsonNode::isTextual;
  private static final Predicate<JsonNode> STR_LIST = n -> n.isArray() && all(n, STR);
  /** name: str(), email: str(required=False), url: str(required=False). */
  private static final Predicate<JsonNode> MAINTAINER = n -> n.isObject() && n.path("name").isTextual()
      && fieldsIn(n, List.of("name", "email", "url")) && all(n, STR);

  /** etc/chart_schema.yaml: key, whether required, and the type. */
  private record Rule(boolean required, Predicate<JsonNode> type) {}

  private static final Map<String, Rule> SCHEMA = Map.ofEntries(
      Map.entry("name", new Rule(true, STR)),
      Map.entry("home", new Rule(true, STR)),
      Map.entry("version", new Rule(true, STR)),
      Map.entry("apiVersion", new Rule(true, STR)),
      Map.entry("appVersion", new Rule(false, n -> n.isTextual() || n.isNumber())),
      Map.entry("description", new Rule(true, STR)),
      Map.entry("keywords", new Rule(false, STR_LIST)),
      Map.entry("sources", new Rule(false, STR_LIST)),
      Map.entry("maintainers", new Rule(false, n -> n.isArray() && all(n, MAINTAINER))),
      Map.entry("icon", new Rule(false, STR)),
      Map.entry("engine", new Rule(false, STR)),
      Map.entry("condition", new Rule(false, STR)),
      Map.entry("tags", new Rule(false, STR)),
      Map.entry("deprecated", new Rule(false, JsonNode::isBoolean)),
      Map.entry("kubeVersion", new Rule(false, STR)),
      Map.entry("annotations", new Rule(false, n -> n.isObject() && all(n, STR))),
      Map.entry("type", new Rule(false, STR)));

  static List<String> violations(String chartYaml) throws IOException {
    JsonNode chart = YAML.readTree(chartYaml);
    List<String> problems = new ArrayList<>();
    SCHEMA.forEach((key, rule) -> {
      if (!chart.has(key)) {
        if (rule.required()) {
          problems.add(key + ": required");
        }
      } else if (!rule.type().test(chart.get(key))) {
        problems.add(key + ": wrong type: " + chart.get(key));
      }
    });
    chart.fieldNames().forEachRemaining(k -> {
      if (!SCHEMA.containsKey(k)) {
        problems.add(k + ": not in the schema");
      }
    });
    if (!chart.path("deprecated").asBoolean(false)) {
      if (chart.path("maintainers").size() == 0) {
        problems.add("maintainers: chart doesn't have maintainers");
      }
      for (JsonNode m : chart.path("maintainers")) {
        if (!GITHUB_LOGIN.matcher(m.path("name").asText()).matches()) {
          problems.add("maintainers: '" + m.path("name").asText() + "' is not an account name");
        }
      }
    }
    return problems;
  }

  @Test
  void envappsChartYamlPassesChartTesting() throws IOException {
    assertThat(violations(Files.readString(CHART.resolve("Chart.yaml")))).isEmpty();
  }

  @Test
  void theRulesCanFail() throws IOException {
    assertThat(violations("""
        apiVersion: v2
        name: shop
        version: 1.0.0
        description: A shop.
        maintainers:
          - name: Jane Doe
            phone: "1"
        dependencies: []
        """))
        .containsExactlyInAnyOrder(
            "home: required",
            "maintainers: wrong type: [{\"name\":\"Jane Doe\",\"phone\":\"1\"}]",
            "dependencies: not in the schema",
            "maintainers: 'Jane Doe' is not an account name");
  }

  private static boolean all(JsonNode container, Predicate<JsonNode> test) {
    for (Iterator<JsonNode> it = container.elements(); it.hasNext(); ) {
      if (!test.test(it.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean fieldsIn(JsonNode object, List<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      if (!allowed.contains(it.next())) {
        return false;
      }
    }
    return true;
  }
}
