package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the shipped example configuration ({@code src/main/etc}) true to the bundles: for every
 * PID a plugvnc bundle designates in its metatype, the example must exist, list every attribute
 * commented out with its real default, list nothing else, and set nothing.
 */
class ExampleConfigurationTest {

  /** A commented-out key: '#' directly followed by the key ('# ' starts prose). */
  private static final Pattern KEY_LINE = Pattern.compile("^#([A-Za-z][\\w.]*)\\s*=\\s*(.*)$");

  private final EmbeddedResources resources = EmbeddedResources.ofLauncher();

  @Test
  void everyDesignatedPidHasAnExampleWithEveryKeyAndItsDefault() throws Exception {
    Map<String, Map<String, String>> pids = designatedPids();
    assertFalse(pids.isEmpty(), "no plugvnc bundle with metatype found under bundles/");
    for (Map.Entry<String, Map<String, String>> pid : pids.entrySet()) {
      String name = HomeLayout.EXAMPLES + pid.getKey() + ".cfg";
      if (!resources.list(HomeLayout.EXAMPLES).contains(name)) {
        name += ".example"; // a component that only runs once configured
      }
      if (!resources.list(HomeLayout.EXAMPLES).contains(name)) {
        fail("no example configuration " + name + " (src/main/etc) for PID " + pid.getKey());
      }
      Map<String, String> documented = commentedKeys(name);
      assertEquals(
          pid.getValue(),
          documented,
          name + ": keys and defaults must match the bundle's metatype (expected = metatype)");
    }
  }

  @Test
  void examplesSetNothing() throws IOException {
    List<String> examples = resources.list(HomeLayout.EXAMPLES);
    assertTrue(examples.contains("etc/org.plugvnc.server.cfg"), examples.toString());
    for (String name : examples) {
      String text = new String(resources.read(name), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        assertTrue(line.isBlank() || line.startsWith("#"), name + " sets a value: " + line);
      }
    }
  }

  private Map<String, String> commentedKeys(String name) throws IOException {
    Map<String, String> keys = new TreeMap<>();
    for (String line : new String(resources.read(name), StandardCharsets.UTF_8).split("\n")) {
      Matcher matcher = KEY_LINE.matcher(line.strip());
      if (matcher.matches()) {
        keys.put(matcher.group(1), matcher.group(2).strip());
      }
    }
    return keys;
  }

  /** PID to (attribute id to default) for every plugvnc bundle embedded in the launcher. */
  private Map<String, Map<String, String>> designatedPids() throws Exception {
    Map<String, Map<String, String>> pids = new LinkedHashMap<>();
    for (String bundle : resources.list(EmbeddedBundle.PREFIX)) {
      if (!bundle.contains("/plugvnc-")) {
        continue;
      }
      try (InputStream in = new ByteArrayInputStream(resources.read(bundle));
          JarInputStream jar = new JarInputStream(in)) {
        for (JarEntry entry; (entry = jar.getNextJarEntry()) != null; ) {
          if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
            readMetatype(jar.readAllBytes(), pids);
          }
        }
      }
    }
    return pids;
  }

  private static void readMetatype(byte[] xml, Map<String, Map<String, String>> pids)
      throws Exception {
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    Map<String, Map<String, String>> ocds = new LinkedHashMap<>();
    NodeList ocdNodes = document.getElementsByTagName("OCD");
    for (int i = 0; i < ocdNodes.getLength(); i++) {
      Element ocd = (Element) ocdNodes.item(i);
      Map<String, String> attributes = new TreeMap<>();
      NodeList ads = ocd.getElementsByTagName("AD");
      for (int j = 0; j < ads.getLength(); j++) {
        Element ad = (Element) ads.item(j);
        // A single-valued default escapes its commas (OSGi Metatype 105.4.3.6: "\\," in the XML).
        attributes.put(ad.getAttribute("id"), ad.getAttribute("default").replace("\\,", ","));
      }
      ocds.put(ocd.getAttribute("id"), attributes);
    }
    NodeList designates = document.getElementsByTagName("Designate");
    for (int i = 0; i < designates.getLength(); i++) {
      Element designate = (Element) designates.item(i);
      Element object = (Element) designate.getElementsByTagName("Object").item(0);
      String pid = designate.getAttribute("pid");
      if (!pid.isEmpty() && object != null) {
        pids.put(pid, ocds.get(object.getAttribute("ocdref")));
      }
    }
  }
}
