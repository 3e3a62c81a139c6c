package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLayoutTest {

  @TempDir Path temp;

  private EmbeddedResources examples() throws IOException {
    Path root = temp.resolve("resources");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/org.example.a.cfg"), "#a = 1\n");
    Files.writeString(root.resolve("etc/org.example.b.cfg"), "#b = 2\n");
    Files.writeString(root.resolve("etc/README.txt"), "not configuration\n");
    return new EmbeddedResources(root);
  }

  @Test
  void createMakesHomeEtcAndData() throws IOException {
    HomeLayout home = new HomeLayout(temp.resolve("new/home"));

    home.create();

    assertTrue(Files.isDirectory(temp.resolve("new/home/etc")));
    assertTrue(Files.isDirectory(temp.resolve("new/home/data")));
    assertEquals(temp.resolve("new/home/data/felix-cache"), home.frameworkCache());
    assertEquals("rwx------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(temp.resolve("new/home/data"))), "data/ holds secrets");
  }

  @Test
  void createKeepsExistingContent() throws IOException {
    Path cfg = temp.resolve("etc/mine.cfg");
    Files.createDirectories(cfg.getParent());
    Files.writeString(cfg, "port = 5901\n");

    new HomeLayout(temp).create();

    assertEquals("port = 5901\n", Files.readString(cfg));
  }

  @Test
  void createFailsWhenAFileIsInTheWay() throws IOException {
    Files.writeString(temp.resolve("etc"), "a file, not a directory");

    assertThrows(IOException.class, () -> new HomeLayout(temp).create());
  }

  @Test
  void firstRunWritesOnlyTheCfgExamples() throws IOException {
    HomeLayout home = new HomeLayout(temp.resolve("home"));
    home.create();

    List<Path> written = home.writeExamplesIfEmpty(examples());

    assertEquals(
        List.of(home.etc().resolve("org.example.a.cfg"), home.etc().resolve("org.example.b.cfg")),
        written);
    assertEquals("#a = 1\n", Files.readString(home.etc().resolve("org.example.a.cfg")));
    assertTrue(Files.notExists(home.etc().resolve("README.txt")));
  }

  @Test
  void nothingIsWrittenOnceAnyCfgExists() throws IOException {
    HomeLayout home = new HomeLayout(temp.resolve("home"));
    home.create();
    Files.writeString(home.etc().resolve("org.plugvnc.server.cfg"), "port = 5901\n");

    List<Path> written = home.writeExamplesIfEmpty(examples());

    assertEquals(List.of(), written);
    assertTrue(Files.notExists(home.etc().resolve("org.example.a.cfg")));
    assertEquals("port = 5901\n", Files.readString(home.etc().resolve("org.plugvnc.server.cfg")));
  }

  @Test
  void aDataDirectoryOthersMayWriteIsReported() throws IOException {
    HomeLayout home = new HomeLayout(temp.resolve("shared"));
    home.create();
    assertTrue(home.dataProblem().isEmpty(), "a new data/ is fine");
    Files.setPosixFilePermissions(temp.resolve("shared/data"), PosixFilePermissions.fromString("rwxrwxrwx"));
    assertTrue(home.dataProblem().orElseThrow().contains("writable by group or others"));
  }
}
