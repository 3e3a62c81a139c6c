package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBundleTest {

  @TempDir Path temp;

  @Test
  void parsesStartLevelFromThePath() {
    EmbeddedBundle bundle = EmbeddedBundle.parse("bundles/12/slf4j-api.jar");

    assertEquals(12, bundle.startLevel());
    assertEquals("bundles/12/slf4j-api.jar", bundle.resource());
    assertEquals("plugvnc:bundles/12/slf4j-api.jar", bundle.location());
  }

  @Test
  void refusesNamesOfAnotherShape() {
    for (String bad :
        List.of(
            "bundles/slf4j-api.jar",
            "bundles/x/slf4j-api.jar",
            "bundles/0/slf4j-api.jar",
            "bundles/-1/slf4j-api.jar",
            "bundles/1/sub/slf4j-api.jar",
            "bundles/1/readme.txt",
            "other/1/a.jar")) {
      assertThrows(IllegalArgumentException.class, () -> EmbeddedBundle.parse(bad), bad);
    }
  }

  @Test
  void findsAllInStartOrderWithLevelsComparedAsNumbers() throws IOException {
    for (String name : List.of("bundles/10/a.jar", "bundles/2/b.jar", "bundles/2/a.jar")) {
      Path file = temp.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
    }

    List<EmbeddedBundle> all = EmbeddedBundle.findAll(new EmbeddedResources(temp));

    assertEquals(
        List.of(
            new EmbeddedBundle(2, "bundles/2/a.jar"),
            new EmbeddedBundle(2, "bundles/2/b.jar"),
            new EmbeddedBundle(10, "bundles/10/a.jar")),
        all);
  }
}
