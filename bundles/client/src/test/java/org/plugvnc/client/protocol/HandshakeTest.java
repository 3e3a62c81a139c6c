package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.TestBytes.bytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.ProtocolVersion;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;
import org.plugvnc.client.ServerInit;
import org.plugvnc.client.TestBytes;

class HandshakeTest {

  /** ServerInit: 1024x768, 32 bpp depth 24 little-endian true colour 255/255/255 16/8/0, "plugvnc". */
  private static final byte[] SERVER_INIT = bytes().u16(1024, 768)
      .u8(32, 24, 0, 1).u16(255, 255, 255).u8(16, 8, 0, 0, 0, 0)
      .u32(7).text("plugvnc").array();

  private final ByteArrayOutputStream clientBytes = new ByteArrayOutputStream();

  private HandshakeResult run(TestBytes server, HandshakeOptions options) throws IOException {
    return Handshake.perform(new RfbInput(new ByteArrayInputStream(server.array())), clientBytes, options);
  }

  private static HandshakeOptions options(ProtocolVersion v, int type, String password) {
    return new HandshakeOptions(v, null, null, type, false, password, true, Limits.DEFAULT);
  }

  @Test
  void version38None() throws IOException {
    HandshakeResult r = run(bytes().text("RFB 003.008\n").u8(1, 1).u32(0).raw(SERVER_INIT),
        HandshakeOptions.DEFAULT);
    assertArrayEquals(bytes().text("RFB 003.008\n").u8(1).u8(1).array(), clientBytes.toByteArray());
    assertEquals(ProtocolVersion.V3_8, r.version());
    assertEquals(List.of(1), r.offeredSecurityTypes());
    assertEquals(1, r.securityType());
    assertEquals(new ServerInit(1024, 768, PixelFormat.RGB888_LE, "plugvnc"), r.serverInit());
  }

  @Test
  void version37NoneHasNoSecurityResult() throws IOException {
    // No SecurityResult in the server bytes: ServerInit follows the client's choice directly.
    HandshakeResult r = run(bytes().text("RFB 003.007\n").u8(2, 2, 1).raw(SERVER_INIT),
        options(ProtocolVersion.V3_7, 0, null));
    assertArrayEquals(bytes().text("RFB 003.007\n").u8(1).u8(1).array(), clientBytes.toByteArray());
    assertEquals(List.of(2, 1), r.offeredSecurityTypes());
    assertEquals("plugvnc", r.serverInit().name());
  }

  @Test
  void version33ServerDecidesNone() throws IOException {
    HandshakeResult r = run(bytes().text("RFB 003.003\n").u32(1).raw(SERVER_INIT),
        new HandshakeOptions(ProtocolVersion.V3_3, null, null, 0, false, null, false, Limits.DEFAULT));
    assertArrayEquals(bytes().text("RFB 003.003\n").u8(0).array(), clientBytes.toByteArray());
    assertEquals(List.of(1), r.offeredSecurityTypes());
  }

  @Test
  void clientNeverAnnouncesMoreThanTheServer() throws IOException {
    HandshakeResult r = run(bytes().text("RFB 003.003\n").u32(1).raw(SERVER_INIT), HandshakeOptions.DEFAULT);
    assertEquals(ProtocolVersion.V3_3, r.version());
    assertEquals("RFB 003.003\n", r.announcedVersion());
  }

  @Test
  void unpublishedHigherServerVersionAllows38() throws IOException {
    HandshakeResult r = run(bytes().text("RFB 003.889\n").u8(1, 1).u32(0).raw(SERVER_INIT),
        HandshakeOptions.DEFAULT);
    assertEquals("RFB 003.889\n", r.serverVersion());
    assertEquals("RFB 003.008\n", r.announcedVersion());
  }

  @Test
  void rawAnnouncementFollowsThe33Handshake() throws IOException {
    HandshakeOptions raw = new HandshakeOptions(ProtocolVersion.V3_8, "RFB 003.889\n", null, 0,
        false, null, true, Limits.DEFAULT);
    HandshakeResult r = run(bytes().text("RFB 003.008\n").u32(1).raw(SERVER_INIT), raw);
    assertEquals(ProtocolVersion.V3_3, r.version());
    assertArrayEquals(bytes().text("RFB 003.889\n").u8(1).array(), clientBytes.toByteArray());
  }

  @Test
  void malformedServerVersionIsAProtocolError() {
    assertThrows(RfbProtocolException.class,
        () -> run(bytes().text("HTTP/1.1 200"), HandshakeOptions.DEFAULT));
  }

  @Test
  void refusalWithReason38() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(0).string("too many clients"), HandshakeOptions.DEFAULT));
    assertEquals(Failure.CONNECTION_REFUSED, e.failure());
    assertEquals("too many clients", e.serverReason());
    assertTrue(e.offeredTypes().isEmpty());
  }

  @Test
  void refusalWithReason33() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.003\n").u32(0).string("go away"),
            options(ProtocolVersion.V3_3, 0, null)));
    assertEquals(Failure.CONNECTION_REFUSED, e.failure());
    assertEquals("go away", e.serverReason());
  }

  @Test
  void invalid33SecurityTypeIsAProtocolError() {
    assertThrows(RfbProtocolException.class,
        () -> run(bytes().text("RFB 003.003\n").u32(16), options(ProtocolVersion.V3_3, 0, null)));
  }

  @Test
  void vncAuthenticationSendsTheDesResponse() throws Exception {
    byte[] challenge = new byte[16];
    for (int i = 0; i < 16; i++) {
      challenge[i] = (byte) (i * 17);
    }
    run(bytes().text("RFB 003.008\n").u8(2, 1, 2).raw(challenge).u32(0).raw(SERVER_INIT),
        options(ProtocolVersion.V3_8, 0, "secret"));
    byte[] expected = bytes().text("RFB 003.008\n").u8(2)
        .raw(VncAuthenticationTest.independentResponse(challenge, "secret")).u8(1).array();
    assertArrayEquals(expected, clientBytes.toByteArray());
  }

  @Test
  void authenticationFailure38CarriesTheReason() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 2).raw(new byte[16]).u32(1).string("bad password"),
            options(ProtocolVersion.V3_8, 0, "wrong")));
    assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
    assertEquals("bad password", e.serverReason());
    assertEquals(1, e.resultCode());
    assertEquals(List.of(2), e.offeredTypes());
  }

  @Test
  void authenticationFailure37HasNoReason() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.007\n").u8(1, 2).raw(new byte[16]).u32(1),
            options(ProtocolVersion.V3_7, 0, "wrong")));
    assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
    assertNull(e.serverReason());
  }

  @Test
  void noneFailure38IsReportedToo() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 1).u32(1).string("nope"), HandshakeOptions.DEFAULT));
    assertEquals("nope", e.serverReason());
  }

  @Test
  void preferredTypeNotOfferedSendsNothing() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 1), options(ProtocolVersion.V3_8, 2, "pw")));
    assertEquals(Failure.NO_ACCEPTABLE_TYPE, e.failure());
    assertArrayEquals(bytes().text("RFB 003.008\n").array(), clientBytes.toByteArray());
  }

  @Test
  void forcedTypeIsSentAndItsFailureRead() {
    HandshakeOptions forced = new HandshakeOptions(ProtocolVersion.V3_8, null, null, 19, true,
        null, true, Limits.DEFAULT);
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 1).u32(1).string("not offered"), forced));
    assertEquals("not offered", e.serverReason());
    assertArrayEquals(bytes().text("RFB 003.008\n").u8(19).array(), clientBytes.toByteArray());
  }

  @Test
  void autoChoicePrefersVncAuthWithAPassword() throws IOException {
    HandshakeResult r = run(bytes().text("RFB 003.008\n").u8(2, 1, 2).raw(new byte[16]).u32(0).raw(SERVER_INIT),
        options(ProtocolVersion.V3_8, 0, "pw"));
    assertEquals(2, r.securityType());
  }

  @Test
  void hostileReasonLengthIsRefusedBeforeAllocation() {
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(0).u32(0xFFFFFFFFL), HandshakeOptions.DEFAULT));
    assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
  }

  @Test
  void hostileNameLengthIsRefused() {
    byte[] init = bytes().u16(16, 16).raw(PixelFormat.RGB888_LE.toBytes()).u32(0x7FFFFFFF).array();
    assertThrows(RfbProtocolException.class,
        () -> run(bytes().text("RFB 003.008\n").u8(1, 1).u32(0).raw(init), HandshakeOptions.DEFAULT));
  }

  @Test
  void oversizedFramebufferIsRefused() {
    Limits small = new Limits(64, 64, 64, 100, 16);
    byte[] init = bytes().u16(11, 10).raw(PixelFormat.RGB888_LE.toBytes()).u32(0).array();
    assertThrows(RfbProtocolException.class, () -> run(bytes().text("RFB 003.008\n").u8(1, 1).u32(0).raw(init),
        new HandshakeOptions(ProtocolVersion.V3_8, null, null, 0, false, null, true, small)));
  }

  @Test
  void optionsNeverPrintThePassword() {
    assertTrue(!options(ProtocolVersion.V3_8, 2, "hunter2").toString().contains("hunter2"));
  }
}
