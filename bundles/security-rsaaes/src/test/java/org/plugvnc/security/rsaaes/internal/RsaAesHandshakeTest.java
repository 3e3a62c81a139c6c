package org.plugvnc.security.rsaaes.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.VncPasswordStore;

/**
 * RSA-AES handshakes against {@link SpecViewer}, the tests' own viewer written from the spec, with
 * the engine's side played by {@link EngineStandIn}: every type, both subtypes, wrong passwords and
 * hashes, refused key lengths, and a conversation cut at every byte.
 */
class RsaAesHandshakeTest {

  private static ServerRsaKey serverKey;
  private static KeyPair viewerKeys;
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final VncPasswordStore STORE = () -> List.of(
      new VncPasswordStore.VncPassword("secret12".getBytes(StandardCharsets.ISO_8859_1), false),
      new VncPasswordStore.VncPassword("watch".getBytes(StandardCharsets.ISO_8859_1), true));
  private static final CredentialVerifier USERS = (user, password) ->
      user.equals("alice") && new String(password).equals("wonderland \u00e9")
          ? Optional.of(new Identity("alice", false)) : Optional.empty();

  @BeforeAll
  static void keys() throws Exception {
    serverKey = new ServerRsaKey((RSAPrivateCrtKey) SpecViewer.newKeys(2048).getPrivate());
    viewerKeys = SpecViewer.newKeys(1024);
  }

  private static EngineStandIn server(int type, CredentialVerifier verifier) {
    return new EngineStandIn(context -> new RsaAesHandshake(RsaAesVariant.of(type), serverKey,
        RANDOM, context, new CredentialCheck(verifier, STORE, false)), null);
  }

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {5, 6, 129, 130})
  void eachTypeAuthenticatesWithThePassword(int type) throws Exception {
    EngineStandIn server = server(type, null);
    SpecViewer viewer = new SpecViewer(type, viewerKeys);
    assertEquals(2, keyExchange(server, viewer), "password-only without a user service");
    server.receive(viewer.credentials("", "secret12"));
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
    assertFalse(server.result().identity().viewOnly());
    assertEquals("OK", viewer.securityResult(server.takeSent()),
        type == 5 || type == 129 ? "sealed" : "in clear");
  }

  @Test
  void theViewOnlyPasswordGivesAViewOnlyIdentity() throws Exception {
    EngineStandIn server = server(6, null);
    SpecViewer viewer = new SpecViewer(6, viewerKeys);
    keyExchange(server, viewer);
    server.receive(viewer.credentials("", "watch"));
    assertTrue(server.result().identity().viewOnly());
  }

  @Test
  void onlyTheFirstEightBytesCountAsInVncAuthentication() throws Exception {
    EngineStandIn server = server(5, null);
    SpecViewer viewer = new SpecViewer(5, viewerKeys);
    keyExchange(server, viewer);
    server.receive(viewer.credentials("", "secret12 and more"));
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
  }

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {5, 6})
  void aWrongPasswordFailsWithAReason(int type) throws Exception {
    EngineStandIn server = server(type, null);
    SpecViewer viewer = new SpecViewer(type, viewerKeys);
    keyExchange(server, viewer);
    server.receive(viewer.credentials("", "secret13"));
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertEquals(CredentialCheck.REFUSED, viewer.securityResult(server.takeSent()));
  }

  @Test
  void usersAuthenticateThroughTheCredentialServiceOffTheIoThread() throws Exception {
    EngineStandIn server = server(129, USERS);
    SpecViewer viewer = new SpecViewer(129, viewerKeys);
    assertEquals(1, keyExchange(server, viewer), "user name and password with a user service");
    server.receive(viewer.credentials("alice", "wonderland \u00e9"));
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
    assertEquals("alice", server.result().identity().name());

    EngineStandIn again = server(129, USERS);
    SpecViewer other = new SpecViewer(129, viewerKeys);
    keyExchange(again, other);
    again.receive(other.credentials("alice", "wonderland"));
    assertEquals(CredentialCheck.REFUSED, other.securityResult(again.takeSent()));
  }

  @Test
  void thePasswordOnlySubtypeRefusesAUserName() throws Exception {
    EngineStandIn server = server(5, null);
    SpecViewer viewer = new SpecViewer(5, viewerKeys);
    keyExchange(server, viewer);
    server.receive(viewer.credentials("mallory", "secret12"));
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertTrue(server.result().reason().contains("no user name"), server.result().reason());
  }

  @Test
  void usersRequiredWithoutAUserServiceRefusesWithTheReason() throws Exception {
    RsaAesSecurityFactory factory = new RsaAesSecurityFactory(RsaAesVariant.RA2, serverKey, RANDOM,
        () -> new RsaAesComponent.CredentialChoice(null, STORE, true));
    EngineStandIn server = new EngineStandIn(factory::create, null);
    server.receive(new byte[] {0});
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertTrue(server.result().reason().contains("credentials=users"), server.result().reason());
  }

  @Test
  void aWrongHashFailsWithAReasonBeforeAnyCredentials() throws Exception {
    EngineStandIn server = server(5, null);
    SpecViewer viewer = new SpecViewer(5, viewerKeys);
    viewer.wrongHash = true;
    server.receive(viewer.clientKey(server.takeSent()));
    server.receive(viewer.clientRandom(server.takeSent()));
    server.receive(viewer.clientHash(server.takeSent()));
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertTrue(server.result().reason().contains("hash"), server.result().reason());
  }

  @ParameterizedTest(name = "{0} bits")
  @ValueSource(longs = {1023, 8193, 0, 0xFFFFFFFFL, 0x7FFFFFFFL})
  void keyLengthsOutsideTheBoundsAreRefusedFromTheLengthAlone(long bits) throws Exception {
    EngineStandIn server = server(5, null);
    server.takeSent();
    // Only the four bytes of the length: a handshake that waited for (or allocated) the claimed
    // key would stay incomplete here.
    server.receive(ByteBuffer.allocate(4).putInt((int) bits).array());
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertTrue(server.result().reason().contains(Long.toString(bits)), server.result().reason());
  }

  @Test
  void theBoundsThemselvesAreAccepted() throws Exception {
    for (int bits : new int[] {1024, 8192}) {
      EngineStandIn server = server(5, null);
      server.takeSent();
      server.receive(ByteBuffer.allocate(4).putInt(bits).array());
      assertEquals(HandshakeResult.Status.INCOMPLETE, server.result().status(), bits + " bits");
    }
  }

  @Test
  void aRandomOfTheWrongLengthIsRefused() throws Exception {
    EngineStandIn server = server(5, null);
    SpecViewer viewer = new SpecViewer(5, viewerKeys);
    server.receive(viewer.clientKey(server.takeSent()));
    server.takeSent();
    server.receive(new byte[] {0x00, 0x10}); // 16 bytes claimed; the server's key has 256
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
    assertTrue(server.result().reason().contains("16 bytes"), server.result().reason());
  }

  @Test
  void aConversationFedOneByteAtATimeSucceeds() throws Exception {
    assertEquals(HandshakeResult.Status.SUCCESS, converse(Integer.MAX_VALUE, true));
  }

  @Test
  void aConversationCutAtAnyByteEndsOnlyIncomplete() throws Exception {
    int total = countViewerBytes();
    for (int cut = 0; cut < total; cut++) {
      assertEquals(HandshakeResult.Status.INCOMPLETE, converse(cut, false), "cut at " + cut);
    }
  }

  @Test
  void theServerKeyMessageIsTheWireFormOfTheKey() {
    EngineStandIn server = server(5, null);
    byte[] sent = server.takeSent();
    assertEquals(4 + 2 * 256, sent.length);
    assertEquals(2048, ByteBuffer.wrap(sent).getInt());
    assertArrayEquals(serverKey.wire(), sent);
    assertNotEquals(0, sent[4] & 0x80, "the modulus fills its 256 bytes");
  }

  /** Runs the exchange up to the subtype; returns it. */
  private static int keyExchange(EngineStandIn server, SpecViewer viewer) throws Exception {
    server.receive(viewer.clientKey(server.takeSent()));
    server.receive(viewer.clientRandom(server.takeSent()));
    server.receive(viewer.clientHash(server.takeSent()));
    return viewer.subtype(server.takeSent());
  }

  private static int countViewerBytes() throws Exception {
    int[] count = {0};
    EngineStandIn server = server(6, null);
    SpecViewer viewer = new SpecViewer(6, viewerKeys);
    byte[][] parts = new byte[4][];
    parts[0] = viewer.clientKey(server.takeSent());
    server.receive(parts[0]);
    parts[1] = viewer.clientRandom(server.takeSent());
    server.receive(parts[1]);
    parts[2] = viewer.clientHash(server.takeSent());
    server.receive(parts[2]);
    viewer.subtype(server.takeSent());
    parts[3] = viewer.credentials("", "secret12");
    for (byte[] p : parts) {
      count[0] += p.length;
    }
    return count[0];
  }

  /**
   * A whole RA2ne conversation whose viewer bytes stop after {@code budget}; each message handed
   * over in one piece or byte by byte. Returns where the handshake stands at the end.
   */
  private static HandshakeResult.Status converse(int budget, boolean byteByByte) throws Exception {
    EngineStandIn server = server(6, null);
    SpecViewer viewer = new SpecViewer(6, viewerKeys);
    int[] left = {budget};
    if (!send(server, viewer.clientKey(server.takeSent()), left, byteByByte)
        || !send(server, viewer.clientRandom(server.takeSent()), left, byteByByte)
        || !send(server, viewer.clientHash(server.takeSent()), left, byteByByte)) {
      return server.result().status();
    }
    viewer.subtype(server.takeSent());
    send(server, viewer.credentials("", "secret12"), left, byteByByte);
    return server.result().status();
  }

  /** Hands over what the budget allows; false when it ran out. */
  private static boolean send(EngineStandIn server, byte[] message, int[] left, boolean byteByByte)
      throws Exception {
    int n = Math.min(message.length, left[0]);
    left[0] -= n;
    if (byteByByte) {
      for (int i = 0; i < n; i++) {
        server.receive(new byte[] {message[i]});
      }
    } else {
      server.receive(java.util.Arrays.copyOf(message, n));
    }
    assertEquals(n == message.length ? server.result().status() : HandshakeResult.Status.INCOMPLETE,
        server.result().status());
    return n == message.length;
  }
}
