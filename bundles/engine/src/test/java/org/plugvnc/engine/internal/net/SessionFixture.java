package org.plugvnc.engine.internal.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.testsupport.IdleClient;
import org.plugvnc.engine.internal.testsupport.ManualExecutor;

/**
 * One authenticated viewer of a desktop, through a real connection on an embedded channel: the
 * security handshake, ClientInit and ServerInit done, its tasks run when the test says so.
 */
final class SessionFixture implements AutoCloseable {

  private final ManualExecutor workers = new ManualExecutor();
  private final DesktopHub desktop = new DesktopHub();
  private final CountDownLatch hubGate = new CountDownLatch(1);
  private final ScriptedSecurityType type150 = new ScriptedSecurityType();
  private ViewerChannel viewer;

  /** A viewer of {@code backend} served by {@code encoders}, past ServerInit (returned). */
  ViewerChannel connect(CaptureBackend backend, Map<Integer, EncoderFactory> encoders)
      throws Exception {
    desktop.useBackend(backend);
    ServerSettings settings = new ServerSettings(List.of(ScriptedSecurityType.TYPE),
        SharePolicy.SHARED, "fixture", 1 << 20, 10_000, 1 << 20, 1 << 24, 0);
    SessionRegistry sessions = new SessionRegistry();
    ServerContext server = new TestServer(settings, Map.of(ScriptedSecurityType.TYPE, type150),
        encoders, desktop, sessions, null,
        new AuthFailureThrottle(() -> 0L), new PreAuthLimits(), new InputBudget(() -> 1 << 30),
        new OutputBudget(sessions, () -> 1 << 30), workers,
        new SessionEvents());
    viewer = ViewerChannel.connect(new RfbConnection(server));
    type150.answerWith((context, out) -> HandshakeResult.success(new Identity("tester", false)));
    viewer.send("RFB 003.008\n".getBytes(US_ASCII));
    viewer.send(of(ScriptedSecurityType.TYPE));
    holdHubThread();
    viewer.send(of(42, 1)); // the answer, then ClientInit (shared)
    hubGate.countDown();
    desktop.useBackend(backend); // returns once the hub ran the attach queued before it
    viewer.runPendingTasks();
    viewer.received();
    return viewer;
  }

  /** See SecurityPhaseTest: the hub must hand "started" over only while the test waits. */
  private void holdHubThread() {
    desktop.attach(new IdleClient(), () -> {
      try {
        hubGate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Override
  public void close() {
    hubGate.countDown();
    if (viewer != null) {
      viewer.finishAndReleaseAll();
    }
    desktop.close();
    workers.shutdownNow();
  }

  static byte[] setEncodings(int... encodings) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * encodings.length);
    b.put((byte) 2).put((byte) 0).putShort((short) encodings.length);
    for (int e : encodings) {
      b.putInt(e);
    }
    return b.array();
  }

  static byte[] updateRequest(boolean incremental, Rect r) {
    return ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0))
        .putShort((short) r.x()).putShort((short) r.y()).putShort((short) r.width())
        .putShort((short) r.height()).array();
  }

}
