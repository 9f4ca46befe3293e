package io.chartascode.envapp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Test helper: envapp's pom.xml with its own ${properties} resolved, and the module's files. */
final class ModulePom {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final Document pom;
  private final Map<String, String> properties = new HashMap<>();

  private ModulePom(Document pom) {
    this.pom = pom;
    NodeList nodes = (NodeList) xpath("/project/properties/*", XPathConstants.NODESET);
    for (int i = 0; i < nodes.getLength(); i++) {
      properties.put(nodes.item(i).getNodeName(), nodes.item(i).getTextContent().trim());
    }
  }

  static Path moduleDir() {
    return Path.of(System.getProperty("envapp.moduleDir", "."));
  }

  static ModulePom load() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return new ModulePom(
        factory.newDocumentBuilder().parse(moduleDir().resolve("pom.xml").toFile()));
  }

  String property(String name) {
    return properties.get(name);
  }

  /** Text of the one element at {@code path}, properties resolved. */
  String text(String path) {
    Node node = (Node) xpath(path, XPathConstants.NODE);
    if (node == null) {
      throw new AssertionError("pom.xml has no " + path);
    }
    return resolve(node.getTextContent().trim());
  }

  /** Texts of the child elements of {@code path}, in order, properties resolved. */
  List<String> children(String path) {
    NodeList nodes = (NodeList) xpath(path + "/*", XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(resolve(nodes.item(i).getTextContent().trim()));
    }
    return out;
  }

  /** Child element name to resolved text, for maps such as Jib's environment. */
  Map<String, String> map(String path) {
    NodeList nodes = (NodeList) xpath(path + "/*", XPathConstants.NODESET);
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      out.put(element.getTagName(), resolve(element.getTextContent().trim()));
    }
    return out;
  }

  String jib(String relativePath) {
    return text(JIB + "/configuration/" + relativePath);
  }

  static final String JIB = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']";

  private String resolve(String value) {
    Matcher m = PROPERTY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = properties.get(m.group(1));
      if (replacement == null) {
        throw new AssertionError("unknown property ${" + m.group(1) + "} in pom.xml");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  private Object xpath(String expression, javax.xml.namespace.QName type) {
    try {
      return XPathFactory.newInstance().newXPath().evaluate(expression, pom, type);
    } catch (javax.xml.xpath.XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }
}
