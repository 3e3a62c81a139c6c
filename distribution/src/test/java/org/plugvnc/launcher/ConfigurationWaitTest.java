package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationWaitTest {

  @TempDir Path etc;

  @Test
  void waitsOnlyForCfgFiles() throws IOException {
    Files.writeString(etc.resolve("org.plugvnc.server.cfg"), "");
    Files.writeString(etc.resolve("notes.txt"), "");
    Files.writeString(etc.resolve("org.plugvnc.server.cfg.bak"), "");

    assertEquals(Set.of(etc.resolve("org.plugvnc.server.cfg")), ConfigurationWait.cfgFiles(etc));
  }

  @Test
  void aMissingDirectoryHasNothingToWaitFor() {
    assertEquals(Set.of(), ConfigurationWait.cfgFiles(etc.resolve("missing")));
  }

  @Test
  void readsFileinstallsFileUrisAndPlainPaths() {
    Path file = etc.resolve("a b.cfg");

    assertEquals(file, ConfigurationWait.toPath(file.toUri().toString()));
    assertEquals(file, ConfigurationWait.toPath(file.toFile().toURI().toString()));
    assertEquals(file, ConfigurationWait.toPath(file.toString()));
  }
}
