package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

  private final Map<String, String> properties = new HashMap<>(Map.of("user.home", "/users/ann"));

  private LauncherOptions parse(String... args) {
    return LauncherOptions.parse(args, properties::get);
  }

  @Test
  void defaultsToDotPlugvncInTheUsersHome() {
    LauncherOptions options = parse();

    assertEquals(Path.of("/users/ann/.plugvnc").toAbsolutePath(), options.home());
    assertNull(options.plugvncLogLevel());
    assertFalse(options.help());
  }

  @Test
  void systemPropertySetsTheHome() {
    properties.put("plugvnc.home", "/srv/vnc");

    assertEquals(Path.of("/srv/vnc").toAbsolutePath(), parse().home());
  }

  @Test
  void homeFlagBeatsTheSystemProperty() {
    properties.put("plugvnc.home", "/srv/vnc");

    assertEquals(Path.of("/opt/a").toAbsolutePath(), parse("--home", "/opt/a").home());
    assertEquals(Path.of("/opt/b").toAbsolutePath(), parse("--home=/opt/b").home());
  }

  @Test
  void relativeHomeIsMadeAbsoluteAndNormalised() {
    Path home = parse("--home", "x/../vnc-home").home();

    assertTrue(home.isAbsolute());
    assertEquals(Path.of("vnc-home").toAbsolutePath().normalize(), home);
  }

  @Test
  void debugFlagAndLogPropertySetPlugvncsLevel() {
    assertEquals("debug", parse("--debug").plugvncLogLevel());

    properties.put("plugvnc.log", " TRACE ");
    assertEquals("trace", parse().plugvncLogLevel());
    assertEquals("debug", parse("--debug").plugvncLogLevel());
  }

  @Test
  void unknownLogLevelIsRefused() {
    properties.put("plugvnc.log", "loud");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::parse);
    assertTrue(e.getMessage().contains("loud"), e.getMessage());
  }

  @Test
  void helpIsRecognised() {
    assertTrue(parse("--help").help());
    assertTrue(parse("-h").help());
  }

  @Test
  void badArgumentsAreRefusedWithAMessageNamingThem() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> parse("--port", "5901"));
    assertTrue(unknown.getMessage().contains("--port"), unknown.getMessage());

    assertThrows(IllegalArgumentException.class, () -> parse("--home"));
    assertThrows(IllegalArgumentException.class, () -> parse("--home", ""));
    assertThrows(IllegalArgumentException.class, () -> parse("--home="));
  }
}
