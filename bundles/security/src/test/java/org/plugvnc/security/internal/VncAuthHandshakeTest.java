package org.plugvnc.security.internal;

import org.plugvnc.testsupport.CapturingOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.security.internal.VncPasswordFormatTest.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.HandshakeResult.Status;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.VncPasswordStore;
import org.plugvnc.api.security.VncPasswordStore.VncPassword;

/** VNC Authentication (RFC 6143 7.2.2) run as the engine runs it, answered by a spec client. */
class VncAuthHandshakeTest {

  private static final VncPasswordStore STORE = () -> List.of(
      new VncPassword(ascii("secret12"), false), new VncPassword(ascii("viewonly"), true));

  /** The challenge 00 01 .. 0F, and what TigerVNC 1.12's viewer answered with "secret12". */
  private static final byte[] COUNTING_CHALLENGE =
      bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  private static final byte[] TIGERVNC_SECRET12_RESPONSE = bytes(0xad, 0xcd, 0x99, 0x7f, 0x8e, 0x16,
      0xfe, 0xe5, 0x75, 0xe9, 0x73, 0xf9, 0x3c, 0x2b, 0x62, 0xb4);
  /** ... and with "wrongpw1". */
  private static final byte[] TIGERVNC_WRONGPW1_RESPONSE = bytes(0x09, 0x49, 0xcf, 0x03, 0x71, 0x46,
      0x40, 0xe5, 0xc7, 0xf3, 0x28, 0x4b, 0x74, 0xe6, 0x17, 0x06);

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static final class Run {
    final SecurityHandshake handshake;
    final byte[] challenge;

    Run(VncAuthSecurityFactory factory) {
      handshake = factory.create(new TestSecurityContext());
      CapturingOutput out = new CapturingOutput();
      handshake.start(out);
      challenge = out.bytes();
    }

    HandshakeResult answer(byte[] response) {
      return handshake.receive(ByteBuffer.wrap(response), new CapturingOutput());
    }

    HandshakeResult answer(String password) {
      return answer(SpecVncAuthClient.response(challenge, password));
    }
  }

  /** A random source that makes the counting challenge, to replay a real viewer's answer. */
  private static SecureRandom counting() {
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) i;
        }
      }
    };
  }

  @Test
  void startSendsAFreshSixteenByteChallenge() {
    VncAuthSecurityFactory factory = new VncAuthSecurityFactory(STORE);
    byte[] first = new Run(factory).challenge;
    byte[] second = new Run(factory).challenge;
    assertEquals(16, first.length);
    assertEquals(16, second.length);
    assertFalse(Arrays.equals(first, second), "two connections get different challenges");
  }

  @Test
  void factoryServesTypeTwo() {
    assertEquals(2, new VncAuthSecurityFactory().type());
  }

  @Test
  void rightPasswordGivesFullAccess() {
    HandshakeResult result = new Run(new VncAuthSecurityFactory(STORE)).answer("secret12");
    assertEquals(Status.SUCCESS, result.status());
    assertEquals(new Identity("vnc-password", false), result.identity());
  }

  @Test
  void viewOnlyPasswordGivesViewOnlyAccess() {
    HandshakeResult result = new Run(new VncAuthSecurityFactory(STORE)).answer("viewonly");
    assertEquals(Status.SUCCESS, result.status());
    assertEquals(new Identity("vnc-password", true), result.identity());
  }

  @Test
  void wrongPasswordFails() {
    HandshakeResult result = new Run(new VncAuthSecurityFactory(STORE)).answer("secret13");
    assertEquals(Status.FAILURE, result.status());
    assertEquals("Authentication failed", result.reason());
    assertNull(result.identity());
  }

  @Test
  void onlyTheFirstEightCharactersCount() {
    assertEquals(Status.SUCCESS,
        new Run(new VncAuthSecurityFactory(STORE)).answer("secret12-ignored").status());
  }

  @Test
  void answersOfTheRealTigerVncViewer() {
    assertArrayEquals(TIGERVNC_SECRET12_RESPONSE,
        SpecVncAuthClient.response(COUNTING_CHALLENGE, "secret12"), "the test client agrees");
    SecurityHandshake good = new VncAuthHandshake(() -> STORE, counting(), new TestSecurityContext());
    CapturingOutput out = new CapturingOutput();
    good.start(out);
    assertArrayEquals(COUNTING_CHALLENGE, out.bytes());
    assertEquals(Status.SUCCESS,
        good.receive(ByteBuffer.wrap(TIGERVNC_SECRET12_RESPONSE), out).status());
    SecurityHandshake bad = new VncAuthHandshake(() -> STORE, counting(), new TestSecurityContext());
    bad.start(new CapturingOutput());
    assertEquals(Status.FAILURE,
        bad.receive(ByteBuffer.wrap(TIGERVNC_WRONGPW1_RESPONSE), out).status());
  }

  @Test
  void waitsForSixteenBytesWithoutConsuming() {
    Run run = new Run(new VncAuthSecurityFactory(STORE));
    byte[] response = SpecVncAuthClient.response(run.challenge, "secret12");
    ByteBuffer in = ByteBuffer.allocate(3 + 16 + 2);
    in.put(new byte[3]).put(response, 0, 15).flip();
    in.position(3);
    assertSame(HandshakeResult.incomplete(), run.handshake.receive(in, new CapturingOutput()));
    assertEquals(3, in.position());
    assertEquals(15, in.remaining());
    assertSame(HandshakeResult.incomplete(),
        run.handshake.receive(ByteBuffer.allocate(0), new CapturingOutput()));

    in.limit(in.capacity()).position(3 + 15);
    in.put(response, 15, 1).put((byte) 7).put((byte) 8).position(3);
    HandshakeResult result = run.handshake.receive(in, new CapturingOutput());
    assertEquals(Status.SUCCESS, result.status());
    assertEquals(3 + 16, in.position(), "consumes exactly the response");
  }

  @Test
  void aSecondResponseIsRefused() {
    Run run = new Run(new VncAuthSecurityFactory(STORE));
    byte[] response = SpecVncAuthClient.response(run.challenge, "secret12");
    assertEquals(Status.SUCCESS, run.answer(response).status());
    assertEquals(Status.FAILURE, run.answer(response).status());
  }

  @Test
  void noStoreFailsWithAReason() {
    HandshakeResult result = new Run(new VncAuthSecurityFactory(null)).answer("secret12");
    assertEquals(Status.FAILURE, result.status());
    assertNotEquals("Authentication failed", result.reason());
    assertTrue(result.reason().contains("password"), result.reason());
  }

  @Test
  void emptyStoreRefusesEveryone() {
    HandshakeResult result =
        new Run(new VncAuthSecurityFactory(() -> List.of())).answer("secret12");
    assertEquals(Status.FAILURE, result.status());
  }

  @Test
  void anEmptyOrWipedSecretNeverLetsAViewerIn() {
    VncAuthSecurityFactory factory = new VncAuthSecurityFactory(() -> List.of(
        new VncPassword(new byte[0], false), new VncPassword(new byte[8], false)));
    assertEquals(Status.FAILURE, new Run(factory).answer("").status());
  }

  @Test
  void noneAcceptsAtOnceAndSendsNothing() {
    NoneSecurityFactory factory = new NoneSecurityFactory();
    assertEquals(1, factory.type());
    SecurityHandshake none = factory.create(new TestSecurityContext());
    CapturingOutput out = new CapturingOutput();
    none.start(out);
    assertEquals(0, out.position());
    ByteBuffer in = ByteBuffer.wrap(new byte[] {1, 2});
    HandshakeResult result = none.receive(in, out);
    assertEquals(Status.SUCCESS, result.status());
    assertEquals(new Identity("anonymous", false), result.identity());
    assertEquals(0, in.position(), "None consumes nothing");
    assertEquals(0, out.position());
  }
}
