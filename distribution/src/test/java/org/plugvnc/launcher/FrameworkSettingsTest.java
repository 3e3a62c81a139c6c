package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkSettingsTest {

  @Test
  void pointsTheFrameworkAndFileinstallAtTheHome() {
    Path home = Path.of("/srv/plugvnc");

    Map<String, String> properties = FrameworkSettings.forHome(new HomeLayout(home));

    assertEquals(home.toString(), properties.get("plugvnc.home"));
    assertEquals(home.resolve("etc").toString(), properties.get("felix.fileinstall.dir"));
    assertEquals(
        home.resolve("data/felix-cache").toString(),
        properties.get("org.osgi.framework.storage"));
    assertEquals("onFirstInit", properties.get("org.osgi.framework.storage.clean"));
    assertEquals("1000", properties.get("felix.fileinstall.poll"));
    assertEquals("true", properties.get("felix.fileinstall.noInitialDelay"));
    assertEquals("false", properties.get("felix.fileinstall.enableConfigSave"));
  }

  @Test
  void fileinstallReadsOnlyCfgFiles() {
    String filter = FrameworkSettings.forHome(new HomeLayout(Path.of("/h"))).get("felix.fileinstall.filter");

    assertEquals(true, "org.plugvnc.server.cfg".matches(filter));
    assertEquals(false, "org.plugvnc.server.cfg~".matches(filter));
    assertEquals(false, "some-bundle.jar".matches(filter));
  }
}
