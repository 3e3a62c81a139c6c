package org.plugvnc.client;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.plugvnc.client.decode.DecoderRegistry;
import org.plugvnc.client.decode.Framebuffer;
import org.plugvnc.client.protocol.ClientMessages;
import org.plugvnc.client.protocol.HandshakeResult;
import org.plugvnc.client.protocol.RfbInput;
import org.plugvnc.client.protocol.SecurityDetails;
import org.plugvnc.client.protocol.ServerMessageReader;

/**
 * An RFB client connection over a blocking socket, with the TLS (VeNCrypt) or AES-EAX (RSA-AES)
 * layer its security type put on it. The socket is a TCP connection the client makes ({@link
 * RfbClientBuilder#connect()}), one a server makes to it in listen mode ({@link
 * RfbClientBuilder#accept(java.net.ServerSocket)}), or a Unix domain socket ({@link
 * RfbClientBuilder#unixSocket(java.nio.file.Path)}); the read timeouts mean the same on all.
 *
 * <pre>{@code
 * try (RfbClient c = RfbClient.builder().port(5900).password("secret").connect()) {
 *     c.setEncodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR);
 *     FramebufferUpdate u = c.refresh(Duration.ofSeconds(2));
 *     int rgb = c.pixel(10, 10);
 * }
 * }</pre>
 *
 * <p>Threads: the reading methods ({@code poll}, {@code nextMessage}, {@code await...},
 * {@code awaitClose}) and the state accessors belong to one thread at a time; the writing methods
 * may be called from any thread. Messages are read only inside the reading methods, so nothing
 * changes behind a caller's back.
 */
public final class RfbClient implements AutoCloseable {

  private final Link link;
  private final RfbInput in;
  private final OutputStream out;
  private final HandshakeResult handshake;
  private final DecoderRegistry decoders;
  private final Framebuffer framebuffer;
  private final Receiver receiver;
  private long bytesSent;

  RfbClient(Link link, RfbInput in, OutputStream out, HandshakeResult handshake,
      RfbClientBuilder b) throws IOException {
    this.link = link;
    this.in = in;
    this.out = out;
    this.handshake = handshake;
    this.decoders = b.decoders.get();
    ServerInit init = handshake.serverInit();
    Limits limits = b.handshakeOptions().limits();
    this.framebuffer = new Framebuffer(init.width(), init.height(), init.pixelFormat(), limits);
    this.receiver = new Receiver(link, in, millis(b.readTimeout), framebuffer,
        new ServerMessageReader(decoders, limits), b.listeners);
  }

  /** @return a builder with the defaults described there */
  public static RfbClientBuilder builder() {
    return new RfbClientBuilder();
  }

  // ---- what the handshake established

  /** @return the handshake's facts: versions, offered and chosen security type, ServerInit */
  public HandshakeResult handshake() {
    return handshake;
  }

  /** @return the ServerInit message */
  public ServerInit serverInit() {
    return handshake.serverInit();
  }

  /** @return the handshake followed (3.3, 3.7 or 3.8) */
  public ProtocolVersion protocolVersion() {
    return handshake.version();
  }

  /** @return the security types the server offered (in 3.3: the one it decided) */
  public List<Integer> offeredSecurityTypes() {
    return handshake.offeredSecurityTypes();
  }

  /** @return the security type used ({@link RfbNumbers} names them) */
  public int securityType() {
    return handshake.securityType();
  }

  /**
   * @return the VeNCrypt subtype or RSA-AES subtype, the TLS version and suite, and the
   *         server's certificate or key fingerprint, where the security type has them
   */
  public SecurityDetails security() {
    return handshake.security();
  }

  // ---- client-to-server messages (any thread)

  /**
   * Sends SetPixelFormat and decodes later pixels in {@code format}; empties the colour map.
   * Send it with no update request outstanding (RFB cannot tell which format an update in
   * flight uses).
   */
  public void setPixelFormat(PixelFormat format) throws IOException {
    write(ClientMessages.setPixelFormat(format));
    framebuffer.setPixelFormat(format);
  }

  /**
   * Sends SetEncodings with these encoding numbers, most preferred first: any numbers in any
   * order, pseudo-encodings included (see {@link RfbNumbers}). They are also recorded: from then
   * on a rectangle in an encoding this connection never listed (Raw excepted), Tight's JPEG
   * without a quality level, or Tight without zlib without -317 is a protocol error
   * ({@link org.plugvnc.client.decode.ListedEncodings}).
   */
  public void setEncodings(int... encodings) throws IOException {
    // recorded before sending, so that the answer can never arrive before the record
    framebuffer.listedEncodings().add(encodings);
    write(ClientMessages.setEncodings(encodings));
  }

  /** Sends a FramebufferUpdateRequest for the whole current framebuffer. */
  public void requestUpdate(boolean incremental) throws IOException {
    requestUpdate(incremental, 0, 0, framebuffer.width(), framebuffer.height());
  }

  /** Sends a FramebufferUpdateRequest for an area. */
  public void requestUpdate(boolean incremental, int x, int y, int width, int height)
      throws IOException {
    write(ClientMessages.framebufferUpdateRequest(incremental, x, y, width, height));
  }

  /** Sends a KeyEvent. */
  public void keyEvent(boolean down, int keysym) throws IOException {
    write(ClientMessages.keyEvent(down, keysym));
  }

  /** Sends a key press and its release. */
  public void typeKey(int keysym) throws IOException {
    keyEvent(true, keysym);
    keyEvent(false, keysym);
  }

  /** Sends a PointerEvent (bit 0 = button 1). */
  public void pointerEvent(int buttonMask, int x, int y) throws IOException {
    write(ClientMessages.pointerEvent(buttonMask, x, y));
  }

  /** Sends a button-1 press and release at (x, y). */
  public void click(int x, int y) throws IOException {
    pointerEvent(1, x, y);
    pointerEvent(0, x, y);
  }

  /** Sends ClientCutText; characters outside Latin-1 become '?'. */
  public void clientCutText(String text) throws IOException {
    write(ClientMessages.clientCutText(text));
  }

  /** Sends {@code bytes} as they are, for malformed or hostile input. */
  public void rawWrite(byte[] bytes) throws IOException {
    write(bytes);
  }

  private void write(byte[] bytes) throws IOException {
    synchronized (out) {
      out.write(bytes);
      out.flush();
      bytesSent += bytes.length;
    }
  }

  // ---- server-to-client messages (the reading thread)

  /**
   * Reads and applies the next server message, waiting at most {@code timeout} for it to
   * start; once started, the rest may take the read timeout.
   *
   * @return the message, or empty if none started in time
   * @throws java.io.EOFException if the server closed the connection
   * @throws RfbProtocolException if the server broke the protocol
   */
  public Optional<ServerMessage> poll(Duration timeout) throws IOException {
    return receiver.poll(timeout);
  }

  /**
   * As {@link #poll(Duration)}, but a timeout is an error.
   *
   * @throws RfbTimeoutException if no message started within {@code timeout}
   */
  public ServerMessage nextMessage(Duration timeout) throws IOException {
    return poll(timeout).orElseThrow(
        () -> new RfbTimeoutException("no server message within " + timeout));
  }

  /**
   * Reads and applies messages until one of {@code type} arrives; others are applied (and told
   * to listeners) on the way.
   *
   * @return the first message of that type
   * @throws RfbTimeoutException if none arrived within {@code timeout}
   */
  public <T extends ServerMessage> T await(Class<T> type, Duration timeout) throws IOException {
    return receiver.await(type, timeout);
  }

  /** @return the next FramebufferUpdate, see {@link #await(Class, Duration)} */
  public FramebufferUpdate awaitUpdate(Duration timeout) throws IOException {
    return await(FramebufferUpdate.class, timeout);
  }

  /** Requests the whole framebuffer non-incrementally and awaits the next update. */
  public FramebufferUpdate refresh(Duration timeout) throws IOException {
    requestUpdate(false);
    return awaitUpdate(timeout);
  }

  /**
   * Reads and applies messages until the server closes the connection.
   *
   * @return true if it closed (end of stream or reset) within {@code timeout}, false if not
   * @throws RfbProtocolException if the server broke the protocol before closing
   */
  public boolean awaitClose(Duration timeout) throws IOException {
    return receiver.awaitClose(timeout);
  }

  // ---- client state (the reading thread)

  /** @return current framebuffer width (changes with DesktopSize) */
  public int width() {
    return framebuffer.width();
  }

  /** @return current framebuffer height */
  public int height() {
    return framebuffer.height();
  }

  /** @return the pixel at (x, y) as 0x00RRGGBB */
  public int pixel(int x, int y) {
    return framebuffer.pixel(x, y);
  }

  /** @return a copy of all pixels as 0x00RRGGBB, row by row */
  public int[] pixels() {
    return framebuffer.buffer().clone();
  }

  /** @return the pixel format pixels are decoded in */
  public PixelFormat pixelFormat() {
    return framebuffer.pixelFormat();
  }

  /** @return the last Cursor pseudo-encoding shape, or null if none came */
  public CursorShape cursor() {
    return framebuffer.cursor();
  }

  /** @return the text of the last ServerCutText, or null if none came */
  public String lastServerCutText() {
    return receiver.lastServerCutText();
  }

  /** @return number of Bell messages received */
  public int bellCount() {
    return receiver.bellCount();
  }

  /** @return number of FramebufferUpdate messages received */
  public long updateCount() {
    return receiver.updateCount();
  }

  /** @return a copy of the colour map as 0x00RRGGBB, up to the highest entry set */
  public int[] colourMap() {
    return framebuffer.colourMap().toArray();
  }

  /**
   * @return bytes read from the server, handshake included; once VeNCrypt's TLS or RSA-AES's
   *         records started, their decrypted bytes are counted, not the encrypted ones
   */
  public long bytesReceived() {
    return in.bytesRead();
  }

  /** @return bytes sent after the handshake */
  public long bytesSent() {
    synchronized (out) {
      return bytesSent;
    }
  }

  /** @return this connection's decoders; register more before requesting their encodings */
  public DecoderRegistry decoders() {
    return decoders;
  }

  /** @return the client framebuffer with its decoding state, for decoders and diagnostics */
  public Framebuffer framebuffer() {
    return framebuffer;
  }

  /** Adds a listener for the messages read from now on (any thread). */
  public void addListener(RfbListener listener) {
    receiver.addListener(listener);
  }

  /** @return whether {@link #close()} was called */
  public boolean isClosed() {
    return link.isClosed();
  }

  /**
   * Closes the socket, then releases the decoders' zlib streams; a blocked reading call fails
   * with an IOException.
   */
  @Override
  public void close() throws IOException {
    try {
      link.close();
    } finally {
      decoders.close();
    }
  }

  static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, d.toMillis()));
  }
}
