package org.plugvnc.security.vencrypt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.security.vencrypt.internal.Fixtures.bytes;
import static org.plugvnc.security.vencrypt.internal.Fixtures.concat;
import static org.plugvnc.security.vencrypt.internal.Fixtures.plain;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.HandshakeResult;

/**
 * The VeNCrypt 0.2 prelude in literal bytes written from rfbproto: version, acceptance, the
 * subtype list, the choice; refusals with their reasons; and the Plain credentials bounded before
 * allocation.
 */
class VeNCryptPreludeTest {

  @TempDir
  Path home;

  private final Fixtures.Verifier verifier = new Fixtures.Verifier();

  @Test
  void theServerOpensWithVersionZeroTwo() throws Exception {
    ServerSide server = new ServerSide().start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    assertArrayEquals(bytes(0, 2), server.takeToClient());
    assertEquals(HandshakeResult.Status.INCOMPLETE, server.result().status());
  }

  @Test
  void versionZeroTwoIsAcceptedAndTheDefaultSubtypesFollowStrongestFirst() throws Exception {
    ServerSide server = new ServerSide().start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    server.takeToClient();
    server.receive(bytes(0, 2));
    // U8 0 (accepted), U8 2 subtypes, U32 261 X509Vnc, U32 262 X509Plain
    assertArrayEquals(bytes(0, 2, 0, 0, 1, 5, 0, 0, 1, 6), server.takeToClient());
    assertEquals(HandshakeResult.Status.INCOMPLETE, server.result().status());
  }

  @Test
  void theDesktopsOwnVncAuthAndNoneFollowLastAndRunInClearWithoutAnAcknowledgement() throws Exception {
    ServerSide server = new ServerSide().offering(19, 2, 1)
        .start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    server.takeToClient();
    server.receive(bytes(0, 2));
    // 4 subtypes: X509Vnc 261, X509Plain 262, then VncAuth 2 and None 1 as the desktop offers them
    assertArrayEquals(bytes(0, 4, 0, 0, 1, 5, 0, 0, 1, 6, 0, 0, 0, 2, 0, 0, 0, 1), server.takeToClient());
    server.receive(bytes(0, 0, 0, 2));
    assertArrayEquals(Fixtures.ScriptedVncAuth.CHALLENGE, server.takeToClient(),
        "the challenge at once, no acknowledgement byte, no TLS");
    server.receive(Fixtures.ScriptedVncAuth.rightAnswer());
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());

    ServerSide none = new ServerSide().offering(19, 1)
        .start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    none.takeToClient();
    none.receive(concat(bytes(0, 2), bytes(0, 0, 0, 1)));
    assertArrayEquals(bytes(0, 3, 0, 0, 1, 5, 0, 0, 1, 6, 0, 0, 0, 1), none.takeToClient());
    assertEquals(HandshakeResult.Status.SUCCESS, none.result().status());
  }

  @Test
  void nothingWeakerThanTheDesktopOffersIsOfferedInside() throws Exception {
    ServerSide server = new ServerSide().offering(19).start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    server.takeToClient();
    server.receive(concat(bytes(0, 2), bytes(0, 0, 0, 2)));
    assertArrayEquals(bytes(0, 2, 0, 0, 1, 5, 0, 0, 1, 6), server.takeToClient());
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status(), "VncAuth was not offered");
  }

  @Test
  void anyOtherVersionIsRefusedWithByte255() throws Exception {
    for (byte[] version : List.of(bytes(0, 1), bytes(0, 3), bytes(1, 2), bytes(255, 255))) {
      ServerSide server = new ServerSide().start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
      server.takeToClient();
      server.receive(version);
      assertArrayEquals(bytes(255), server.takeToClient());
      assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
      assertTrue(server.result().reason().contains((version[0] & 0xFF) + "." + (version[1] & 0xFF)),
          server.result().reason());
    }
  }

  @Test
  void versionZeroZeroEndsWithoutAnAnswer() throws Exception {
    ServerSide server = new ServerSide().start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    server.takeToClient();
    server.receive(bytes(0, 0));
    assertArrayEquals(new byte[0], server.takeToClient());
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
  }

  @Test
  void aSubtypeThatWasNotOfferedIsRefused() throws Exception {
    // TLSNone (257) is configured but never offered; Plain (256) is not allowed; 19 would loop.
    for (int subtype : new int[] {257, 256, 19, 263, 0x80000001}) {
      TestConfig config = TestConfig.DEFAULTS.withSubtypes("X509Vnc", "TLSNone", "Plain");
      ServerSide server = new ServerSide().start(Fixtures.factory(home, config, verifier));
      server.receive(concat(bytes(0, 2), ByteBuffer.allocate(4).putInt(subtype).array()));
      assertArrayEquals(bytes(0, 2, 0, 1, 0, 0, 1, 5), server.takeToClient());
      assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
      assertTrue(server.result().reason().contains("was not offered"), server.result().reason());
      assertNull(server.tls(), "no TLS for a refused subtype");
    }
  }

  @Test
  void choiceZeroMeansTheViewerCannotGoOn() throws Exception {
    ServerSide server = new ServerSide().start(Fixtures.factory(home, TestConfig.DEFAULTS, verifier));
    server.receive(bytes(0, 2, 0, 0, 0, 0));
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertTrue(server.result().reason().contains("none of the offered"), server.result().reason());
  }

  @Test
  void thePreludeCutAtEveryByteGivesTheSameBytes() throws Exception {
    TestConfig config = TestConfig.DEFAULTS.withSubtypes("Plain").allowingPlain();
    byte[] viewer = concat(bytes(0, 2, 0, 0, 1, 0), plain(Fixtures.USER, Fixtures.PASSWORD));
    ServerSide whole = new ServerSide().start(Fixtures.factory(home, config, verifier));
    whole.receive(viewer);
    byte[] expected = whole.takeToClient();
    assertArrayEquals(bytes(0, 2, 0, 1, 0, 0, 1, 0), expected);
    assertEquals(HandshakeResult.Status.SUCCESS, whole.result().status());

    ServerSide cut = new ServerSide().start(Fixtures.factory(home, config, verifier));
    for (int i = 0; i < viewer.length; i++) {
      assertEquals(HandshakeResult.Status.INCOMPLETE, cut.result().status(), "decided early at byte " + i);
      cut.receive(new byte[] {viewer[i]});
    }
    assertArrayEquals(expected, cut.takeToClient());
    assertEquals(HandshakeResult.Status.SUCCESS, cut.result().status());
  }

  @Test
  void plainWhenAllowedChecksTheCredentialsOffTheIoThreadAndWipesThePassword() throws Exception {
    TestConfig config = TestConfig.DEFAULTS.withSubtypes("X509Plain", "Plain").allowingPlain();
    ServerSide server = new ServerSide().start(Fixtures.factory(home, config, verifier));
    server.receive(concat(bytes(0, 2, 0, 0, 1, 0), plain(Fixtures.USER, Fixtures.PASSWORD)));
    // Plain has no acknowledgement byte and no TLS
    assertArrayEquals(bytes(0, 2, 0, 2, 0, 0, 1, 6, 0, 0, 1, 0), server.takeToClient());
    assertNull(server.tls());
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
    assertEquals(Fixtures.USER, server.result().identity().name());
    assertEquals("test-worker", server.checkThread());
    assertEquals(Fixtures.USER, verifier.lastUser.get());
    assertArrayEquals(new char[Fixtures.PASSWORD.length()], verifier.lastPassword.get(), "password wiped");
  }

  @Test
  void plainWithAWrongPasswordFails() throws Exception {
    TestConfig config = TestConfig.DEFAULTS.withSubtypes("Plain").allowingPlain();
    ServerSide server = new ServerSide().start(Fixtures.factory(home, config, verifier));
    server.receive(concat(bytes(0, 2, 0, 0, 1, 0), plain(Fixtures.USER, "wrong")));
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertEquals("Authentication failed", server.result().reason());
  }

  @Test
  void oversizeCredentialLengthsAreRefusedFromTheHeaderAlone() throws Exception {
    TestConfig config = TestConfig.DEFAULTS.withSubtypes("Plain").allowingPlain();
    int[][] lengths = {{-1, 0}, {0, -1}, {1025, 1}, {1, 1025}, {Integer.MAX_VALUE, Integer.MAX_VALUE}};
    for (int[] l : lengths) {
      ServerSide server = new ServerSide().start(Fixtures.factory(home, config, verifier));
      // Only the 8 length bytes: a server that waited for (or allocated) the body would not decide.
      server.receive(concat(bytes(0, 2, 0, 0, 1, 0), ByteBuffer.allocate(8).putInt(l[0]).putInt(l[1]).array()));
      assertEquals(HandshakeResult.Status.FAILURE, server.result().status(), l[0] + "/" + l[1]);
      assertTrue(server.result().reason().contains("at most 1024"), server.result().reason());
      assertNull(verifier.lastUser.get(), "the verifier must not be asked");
    }
  }

  @Test
  void credentialsAtTheLimitAreRead() throws Exception {
    TestConfig config = TestConfig.DEFAULTS.withSubtypes("Plain").allowingPlain();
    ServerSide server = new ServerSide().start(Fixtures.factory(home, config, verifier));
    server.receive(concat(bytes(0, 2, 0, 0, 1, 0), plain("u".repeat(1024), "p".repeat(1024))));
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertEquals("Authentication failed", server.result().reason());
    assertEquals(1024, verifier.lastUser.get().length());
  }

  @Test
  void eachSubtypeIsOfferedOnlyWhileWhatItNeedsIsThere() {
    TestConfig all = TestConfig.DEFAULTS.withSubtypes("X509Plain", "X509None", "x509vnc", "TLSVnc", "Plain", "999");
    assertEquals(List.of(262, 260, 261), Fixtures.factory(home, all, verifier).offered());
    assertEquals(List.of(262, 260, 261, 256), Fixtures.factory(home, all.allowingPlain(), verifier).offered());
    assertEquals(List.of(260, 261), Fixtures.factory(home, all.allowingPlain(), null).offered(),
        "no credential verifier: no Plain subtype");
    VeNCryptSecurityFactory noVnc = new VeNCryptSecurityFactory(home, all, System.out, null, verifier);
    assertEquals(List.of(262, 260), noVnc.offered(), "no type 2: no X509Vnc");
    assertEquals(List.of(261, 262), Fixtures.factory(home, TestConfig.DEFAULTS, verifier).offered());
  }

  @Test
  void withNoSubtypeLeftTheListIsEmptyAndTheHandshakeFails() throws Exception {
    VeNCryptSecurityFactory nothing = new VeNCryptSecurityFactory(home,
        TestConfig.DEFAULTS.withSubtypes("X509Plain"), System.out, null, null);
    ServerSide server = new ServerSide().start(nothing);
    server.receive(bytes(0, 2));
    assertArrayEquals(bytes(0, 2, 0, 0), server.takeToClient());
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertNotNull(server.result().reason());
    assertNotEquals("", server.result().reason());
  }
}
