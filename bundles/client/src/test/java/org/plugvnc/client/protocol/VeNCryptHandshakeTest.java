package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plugvnc.client.TestBytes.bytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Limits;
import org.plugvnc.client.ProtocolVersion;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;
import org.plugvnc.client.TestBytes;

/** VeNCrypt's prelude over literal bytes: the client's bytes are checked against the spec. */
class VeNCryptHandshakeTest {

  private static final byte[] SERVER_INIT = ServerWire.SERVER_INIT;
  private final ByteArrayOutputStream client = new ByteArrayOutputStream();

  private HandshakeResult run(TestBytes server, String user, String password, int... subtypes)
      throws IOException {
    SecurityOptions security = new SecurityOptions(user, List.of(19),
        java.util.Arrays.stream(subtypes).boxed().toList(), 0, 2048, null);
    HandshakeOptions options = new HandshakeOptions(ProtocolVersion.V3_8, null, null, 0, false,
        password, true, Limits.DEFAULT, security);
    return Handshake.perform(new RfbInput(new ByteArrayInputStream(server.array())), client,
        options);
  }

  private static TestBytes prelude() {
    return bytes().text("RFB 003.008\n").u8(2, 1, 19).u8(0, 2).u8(0);
  }

  @Test
  void plainChosenFromTheServersList() throws IOException {
    HandshakeResult r = run(prelude().u8(2).u32(257, 256).u32(0).raw(SERVER_INIT), "al", "pw",
        256);
    assertArrayEquals(bytes().text("RFB 003.008\n").u8(19).u8(0, 2).u32(256).u32(2, 2)
        .text("al").text("pw").u8(1).array(), client.toByteArray());
    assertEquals(19, r.securityType());
    assertEquals(256, r.security().subtype());
    assertEquals("sec", r.serverInit().name());
  }

  @Test
  void theServersOrderDecidesAmongAcceptableSubtypes() throws IOException {
    // the server lists None (1) before VNC Authentication (2); both acceptable: None wins
    run(prelude().u8(2).u32(1, 2).u32(0).raw(SERVER_INIT), null, "pw", 2, 1);
    assertArrayEquals(bytes().text("RFB 003.008\n").u8(19).u8(0, 2).u32(1).u8(1).array(),
        client.toByteArray());
  }

  @Test
  void olderServerVersionIsAnsweredWithZeroZero() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 19).u8(0, 1), null, null));
    assertEquals(Failure.SUBTYPE_REFUSED, e.failure());
    assertArrayEquals(bytes().text("RFB 003.008\n").u8(19).u8(0, 0).array(),
        client.toByteArray());
  }

  @Test
  void newerServerVersionIsAnsweredWithOurs() throws IOException {
    run(bytes().text("RFB 003.008\n").u8(1, 19).u8(0, 7).u8(0).u8(1).u32(1).u32(0)
        .raw(SERVER_INIT), null, null, 1);
    assertArrayEquals(bytes().text("RFB 003.008\n").u8(19).u8(0, 2).u32(1).u8(1).array(),
        client.toByteArray());
  }

  @Test
  void refusedVersionAndEmptyListAndRefusedSubtype() {
    assertEquals(Failure.SUBTYPE_REFUSED, assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 19).u8(0, 2).u8(255), null, null))
        .failure());
    assertEquals(Failure.SUBTYPE_REFUSED, assertThrows(RfbSecurityException.class,
        () -> run(prelude().u8(0), null, null)).failure());
    assertEquals(Failure.SUBTYPE_REFUSED, assertThrows(RfbSecurityException.class,
        () -> run(prelude().u8(1).u32(260).u8(0), null, null, 260)).failure());
  }

  @Test
  void noAcceptableSubtype() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(prelude().u8(2).u32(256, 0x80000001L), null, null, 260));
    assertEquals(Failure.NO_ACCEPTABLE_TYPE, e.failure());
  }

  @Test
  void bytesBeforeTheTlsHandshakeAreAProtocolError() {
    // After the TLS ack the client speaks first (ClientHello); anything read ahead would be lost.
    assertThrows(RfbProtocolException.class,
        () -> run(prelude().u8(1).u32(261).u8(1).u8(0x16, 3, 1), null, "pw", 261));
  }

  @Test
  void failedSecurityResultCarriesTheReason() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(prelude().u8(1).u32(256).u32(1).string("bad user"), "x", "y", 256));
    assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
    assertEquals("bad user", e.serverReason());
  }
}
