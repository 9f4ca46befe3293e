package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The chart deploys the image the envapp module builds: the same hub, name and tag. */
class EnvAppImageTest {
  private static final Path ENVAPP_POM =
      Path.of(System.getProperty("generated.dir", "../../generated")).resolveSibling("envapp").resolve("pom.xml");

  @Test
  void chartDefaultsNameTheImageTheModuleBuilds() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ENVAPP_POM.toFile());
    assertThat(EnvApp.HUB.defaultValue()).isEqualTo(property(pom, "image.hub"));
    assertThat(EnvApp.IMAGE.defaultValue()).isEqualTo(property(pom, "image.name"));
    assertThat(EnvApp.TAG.defaultValue()).isEqualTo(property(pom, "image.tag"));
    assertThat(EnvApp.application().appVersion()).isEqualTo(property(pom, "image.tag"));
  }

  private static String property(Document pom, String name) {
    var nodes = pom.getElementsByTagName(name);
    assertThat(nodes.getLength()).as("<%s> in %s", name, ENVAPP_POM).isEqualTo(1);
    return nodes.item(0).getTextContent().strip();
  }
}
