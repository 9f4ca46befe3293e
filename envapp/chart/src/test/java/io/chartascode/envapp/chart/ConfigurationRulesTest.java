package io.chartascode.envapp.chart;

import static io.chartascode.envapp.chart.ModelValidatorTest.withContainer;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.model.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CAC-CONFIG-001 and -002, one case each: a model that breaks the rule, and the one finding it
 * gets. Each case is envapp plus one configuration or Secret read by its container.
 */
class ConfigurationRulesTest {
  private static final Configuration CONFIG = Configuration.builder("config").literal("LOG_FORMAT", "json").build();
  private static final SecretReference DB = SecretReference.builder("db").key("password", "the password").build();

  private static Application reading(Configuration configuration) {
    return withContainer(c -> c.envFrom(configuration));
  }

  static Stream<Arguments> cases() {
    Parameter<String> secretName = Parameter.string("db.secretName", "db").build();
    Application perEnvironment = withContainer(c -> c.env(EnvVar.from("DB_PASSWORD",
            SecretReference.builder(Value.of(secretName)).key("password", "the password").build(), "password")))
        .toBuilder().parameters(secretName)
        .environment(Environment.builder("qa").set(secretName, "Not_A_Name").build()).build();
    return Stream.of(
        Arguments.of("a key Kubernetes refuses", reading(Configuration.builder("config").literal("log format", "json").build()),
            "CAC-CONFIG-001", "envapp.configuration[config][log format]", "'log format' is not a ConfigMap key"),
        Arguments.of("a name that is no DNS label", reading(Configuration.builder("Config").literal("a", "b").build()),
            "CAC-CONFIG-001", "envapp.configuration[Config]", "'Config' is not a DNS label"),
        Arguments.of("no keys", reading(Configuration.builder("config").build()),
            "CAC-CONFIG-001", "envapp.configuration[config]", "has no keys"),
        Arguments.of("a file that is not there", reading(Configuration.builder("config").file(Path.of("src/main/config/missing.properties")).build()),
            "CAC-CONFIG-001", "envapp.configuration[config][missing.properties]", "there is no file"),
        Arguments.of("a file key the chart's .helmignore skips", reading(Configuration.builder("config")
                .file("showcase.properties.bak", Path.of("src/main/config/showcase.properties")).build()),
            "CAC-CONFIG-001", "envapp.configuration[config][showcase.properties.bak]", "matches '*.bak' in the chart's .helmignore"),
        Arguments.of("over 1 MiB", reading(Configuration.builder("config").literal("big", "x".repeat(1024 * 1024)).build()),
            "CAC-CONFIG-001", "envapp.configuration[config]", "holds 1048579 bytes by default, over the 1 MiB"),
        Arguments.of("two configurations of one name", withContainer(c -> c.envFrom(CONFIG)
                .envFrom(Configuration.builder("config").literal("OTHER", "x").build())),
            "CAC-CONFIG-001", "envapp.configuration[config]", "two different configurations are named 'config'"),
        Arguments.of("a key the configuration does not have", withContainer(c -> c.env(EnvVar.from("FORMAT", CONFIG, "FORMAT"))),
            "CAC-CONFIG-002", "envapp.deployment.container[app].env[FORMAT]", "reads key 'FORMAT', which configuration 'config' does not have"),
        Arguments.of("a Secret key it does not declare", withContainer(c -> c.env(EnvVar.from("DB_USER", DB, "user"))),
            "CAC-CONFIG-002", "envapp.deployment.container[app].env[DB_USER]", "declare it with SecretReference.Builder.key"),
        Arguments.of("a Secret name one environment gets wrong", perEnvironment,
            "CAC-CONFIG-002", "envapp.secret[named by db.secretName]", "'Not_A_Name' in environment qa is not a Secret name"),
        Arguments.of("an envFrom prefix that starts no variable name", withContainer(c -> c.envFrom(CONFIG, "1_")),
            "CAC-CONFIG-002", "envapp.deployment.container[app].envFrom[configuration 'config']", "prefix '1_' does not start a valid variable name"),
        Arguments.of("a configuration's files mounted writable", mountedWritable(),
            "CAC-VOL-001", "envapp.deployment.container[app].volumeMounts[/etc/envapp].readOnly",
            "mounts configMap volume 'config' writable"));
  }

  private static Application mountedWritable() {
    Application app = withContainer(c -> c.mount(
        new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("config").withMountPath("/etc/envapp").build()));
    return app.toBuilder().workload(app.workload().toBuilder().volume("config", CONFIG).build()).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsIt(String what, Application app, String rule, String path, String message) {
    List<Finding> findings = ModelValidator.check(List.of(app));
    assertThat(findings).as(what).anySatisfy(f -> {
      assertThat(f.ruleId()).isEqualTo(rule);
      assertThat(f.path()).startsWith(path);
      assertThat(f.message()).contains(message);
    });
  }
}
