package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;

/** The client's RSA-AES against a scripted server written from rfbproto (JDK RSA, BC EAX). */
class RsaAesTest {

  private static final byte[] KEY_EVENT_A_DOWN = {4, 1, 0, 0, 0, 0, 0, 0x61};

  private static RfbClientBuilder client(ScriptedServer server, int type) {
    return RfbClient.builder().port(server.port()).readTimeout(Duration.ofSeconds(10))
        .securityTypes(type).rsaKeyBits(1024);
  }

  private static byte[] u32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** RA2 and RA2_256: SecurityResult, ClientInit, ServerInit and the session in records. */
  private static void encryptedSession(ServerWire w, SpecRsaAesServer spec) throws Exception {
    spec.toClient.send(w.out, u32(0));
    assertArrayEquals(new byte[] {1}, spec.fromClient.receive(w.in));
    spec.toClient.send(w.out, ServerWire.SERVER_INIT);
    spec.toClient.send(w.out, new byte[] {RfbNumbers.SERVER_BELL});
    assertArrayEquals(KEY_EVENT_A_DOWN, spec.fromClient.receive(w.in));
  }

  private static void useSession(RfbClient c) throws Exception {
    assertEquals("sec", c.serverInit().name());
    c.nextMessage(Duration.ofSeconds(5));
    assertEquals(1, c.bellCount());
    c.keyEvent(true, 'a');
  }

  @Test
  void ra2With256BitKeysSendsUsernameAndPasswordAndEncryptsTheSession() throws Exception {
    SpecRsaAesServer spec = new SpecRsaAesServer(1024, true);
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      assertEquals(RfbNumbers.SECURITY_RA2_256, w.versionAndTypes(1, 129, 5));
      assertTrue(spec.handshake(w, RfbNumbers.RA2_SUBTYPE_USER_PASSWORD));
      assertEquals("bob", spec.username);
      assertEquals("hunter2 ü", spec.password);
      encryptedSession(w, spec);
    })) {
      try (RfbClient c = client(server, RfbNumbers.SECURITY_RA2_256).username("bob")
          .password("hunter2 ü").connect()) {
        assertEquals(RfbNumbers.SECURITY_RA2_256, c.securityType());
        assertEquals(RfbNumbers.RA2_SUBTYPE_USER_PASSWORD, c.security().subtype());
        assertEquals(sha256(spec.serverWire), c.security().serverFingerprint());
        useSession(c);
      }
      server.await();
    }
    assertEquals(1024, spec.clientBits);
  }

  @Test
  void ra2WithSha1KeysAndPasswordOnly() throws Exception {
    SpecRsaAesServer spec = new SpecRsaAesServer(1024, false);
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      assertEquals(RfbNumbers.SECURITY_RA2, w.versionAndTypes(5));
      assertTrue(spec.handshake(w, RfbNumbers.RA2_SUBTYPE_PASSWORD));
      assertEquals("", spec.username);
      assertEquals("pw", spec.password);
      encryptedSession(w, spec);
    })) {
      try (RfbClient c = client(server, RfbNumbers.SECURITY_RA2).username("ignored")
          .password("pw").connect()) {
        assertEquals(RfbNumbers.RA2_SUBTYPE_PASSWORD, c.security().subtype());
        useSession(c);
      }
      server.await();
    }
  }

  @Test
  void ra2neLeavesSecurityResultAndTheSessionInClear() throws Exception {
    for (int type : new int[] {RfbNumbers.SECURITY_RA2NE, RfbNumbers.SECURITY_RA2NE_256}) {
      SpecRsaAesServer spec = new SpecRsaAesServer(1024, type == RfbNumbers.SECURITY_RA2NE_256);
      try (ScriptedServer server = new ScriptedServer(s -> {
        ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
        assertEquals(type, w.versionAndTypes(type));
        assertTrue(spec.handshake(w, RfbNumbers.RA2_SUBTYPE_USER_PASSWORD));
        w.ok();
        w.init();
        w.out.write(RfbNumbers.SERVER_BELL);
        w.out.flush();
        assertArrayEquals(KEY_EVENT_A_DOWN, w.in.readNBytes(8));
      })) {
        try (RfbClient c = client(server, type).username("u").password("p").connect()) {
          useSession(c);
        }
        server.await();
      }
    }
  }

  @Test
  void wrongPasswordReportsTheReasonEncryptedOrNot() throws Exception {
    SpecRsaAesServer spec = new SpecRsaAesServer(1024, false);
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(5);
      spec.handshake(w, RfbNumbers.RA2_SUBTYPE_PASSWORD);
      ByteArrayOutputStream failed = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(failed);
      d.writeInt(1);
      d.writeInt(14);
      d.writeBytes("wrong password");
      spec.toClient.send(w.out, failed.toByteArray());
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.SECURITY_RA2).password("nope").connect());
      assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
      assertEquals("wrong password", e.serverReason());
      server.await();
    }
    SpecRsaAesServer ne = new SpecRsaAesServer(1024, true);
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(130);
      ne.handshake(w, RfbNumbers.RA2_SUBTYPE_PASSWORD);
      w.fail("no such luck");
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.SECURITY_RA2NE_256).password("nope").connect());
      assertEquals("no such luck", e.serverReason());
      server.await();
    }
  }

  @Test
  void pinnedKeyIsCheckedAndTheHookSeesTheKey() throws Exception {
    SpecRsaAesServer spec = new SpecRsaAesServer(1024, true);
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(129);
      assertFalse(leftAfterKey(w, spec));
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.SECURITY_RA2_256).password("p")
              .pinServerKeySha256("00".repeat(32)).connect());
      assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
      server.await();
    }
    AtomicReference<RsaServerKey> seen = new AtomicReference<>();
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(129);
      assertTrue(spec.handshake(w, RfbNumbers.RA2_SUBTYPE_PASSWORD));
      encryptedSession(w, spec);
    })) {
      String spki = sha256(spec.keys.getPublic().getEncoded());
      try (RfbClient c = client(server, RfbNumbers.SECURITY_RA2_256).password("p")
          .serverKeyCheck(key -> {
            seen.set(key);
            return key.matches(spki.toUpperCase().replaceAll("(..)(?!$)", "$1:"));
          }).connect()) {
        useSession(c);
      }
      server.await();
    }
    assertEquals(1024, seen.get().bits());
    assertEquals(sha256(spec.serverWire), seen.get().fingerprint());
  }

  /** Sends the key; true if the client went on to send its own. */
  private static boolean leftAfterKey(ServerWire w, SpecRsaAesServer spec) throws Exception {
    try {
      return spec.handshake(w, 1);
    } catch (java.io.EOFException left) {
      return false;
    }
  }

  @Test
  void oddSizedClientKeyIsSentAtItsLength() throws Exception {
    SpecRsaAesServer spec = new SpecRsaAesServer(1024, false);
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(6);
      assertTrue(spec.handshake(w, RfbNumbers.RA2_SUBTYPE_PASSWORD));
      w.ok();
      w.init();
    })) {
      try (RfbClient c = client(server, RfbNumbers.SECURITY_RA2NE).rsaKeyBits(1025).password("p")
          .connect()) {
        assertEquals("sec", c.serverInit().name());
      }
      server.await();
    }
    assertEquals(1025, spec.clientBits);
    assertEquals(4 + 2 * 129, spec.clientWire.length);
  }

  @Test
  void wrongServerHashIsRefused() throws Exception {
    SpecRsaAesServer spec = new SpecRsaAesServer(1024, false);
    spec.wrongHash = true;
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(5);
      assertFalse(spec.handshake(w, 1));
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.SECURITY_RA2).password("p").connect());
      assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
      server.await();
    }
  }

  /** A server that refuses the viewer's key answers with a failed SecurityResult, in clear. */
  @Test
  void aRefusedClientKeyReportsTheServersReason() throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    java.security.interfaces.RSAPublicKey pub =
        (java.security.interfaces.RSAPublicKey) g.generateKeyPair().getPublic();
    try (ScriptedServer server = new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      w.versionAndTypes(5);
      w.out.writeInt(1024);
      w.out.write(SpecRsaAesServer.fixed(pub.getModulus(), 128));
      w.out.write(SpecRsaAesServer.fixed(pub.getPublicExponent(), 128));
      w.out.flush();
      int bits = w.in.readInt();
      w.in.readNBytes(2 * ((bits + 7) / 8));
      byte[] reason = "key too short".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      w.out.write(u32(1));
      w.out.write(u32(reason.length));
      w.out.write(reason);
      w.out.flush();
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.SECURITY_RA2).password("p").connect());
      assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
      assertEquals("key too short", e.serverReason());
      assertEquals(1, e.resultCode());
      server.await();
    }
  }
}
