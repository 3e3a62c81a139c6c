package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.engine.internal.testsupport.NoInput;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.testsupport.Corpus;

/**
 * A session whose viewer holds JPEG pixels, through a real connection on an embedded channel: the
 * lossless refresh waits for the viewer to ask for the area, and no timer spins meanwhile.
 */
class LosslessRefreshSessionTest {

  private static final int W = 200;
  private static final int H = 100;

  private final SessionFixture fixture = new SessionFixture();
  private final PhotoBackend backend = new PhotoBackend();
  private final LossyRawFactory tight = new LossyRawFactory();
  private ViewerChannel viewer;

  @AfterEach
  void closeEverything() {
    fixture.close();
  }

  @Test
  void lossyPixelsOutsideTheRequestedAreaWaitWithoutATimerSpinning() throws Exception {
    normalPhase();
    // Tight with a JPEG quality; the left half of a photograph goes out as JPEG.
    viewer.send(SessionFixture.setEncodings(7, -26));
    viewer.send(SessionFixture.updateRequest(false, new Rect(0, 0, W / 2, H)));
    viewer.runPendingTasks();
    ByteBuffer update = viewer.received();
    assertEquals(0, update.get(), "a FramebufferUpdate");
    assertTrue(backend.reads.get() > 0);
    // The viewer now asks for the right half only: nothing to send there, and its lossy pixels
    // lie outside the request.
    viewer.send(SessionFixture.updateRequest(true, new Rect(W / 2, 0, W / 2, H)));
    viewer.runPendingTasks();
    viewer.received();
    Thread.sleep(60); // past the quiet time of the lossy area, on the clock the refresh reads
    int before = backend.sizeChecks.get();
    for (int i = 0; i < 100; i++) {
      viewer.advanceTimeBy(1, TimeUnit.MILLISECONDS);
      viewer.runPendingTasks();
      viewer.runScheduledPendingTasks();
    }
    assertTrue(backend.sizeChecks.get() - before <= 2, (backend.sizeChecks.get() - before)
        + " tries to send in 100 ms with nothing to send: a timer spins");
    assertEquals(0, viewer.received().remaining(), "and nothing was sent");
    // Once the viewer asks for the lossy area, the refresh goes out.
    viewer.send(SessionFixture.updateRequest(true, new Rect(0, 0, W, H)));
    viewer.runPendingTasks();
    ByteBuffer refresh = viewer.received();
    assertTrue(refresh.remaining() > 4, "the refresh");
    assertEquals(0, refresh.get());
  }

  @Test
  void theRefreshFollowsByItselfOnceTheLossyAreaIsQuiet() throws Exception {
    normalPhase();
    viewer.send(SessionFixture.setEncodings(7, -26));
    viewer.send(SessionFixture.updateRequest(false, new Rect(0, 0, W, H)));
    viewer.runPendingTasks();
    assertEquals(0, viewer.received().get());
    Region whole = Region.of(new Rect(0, 0, W, H));
    assertEquals(whole, tight.jpeg, "a photograph goes as JPEG");
    tight.jpeg = Region.EMPTY;
    // The viewer asks again at once; nothing has changed and the JPEG is not quiet yet.
    viewer.send(SessionFixture.updateRequest(true, new Rect(0, 0, W, H)));
    viewer.runPendingTasks();
    assertEquals(0, viewer.received().remaining());
    Thread.sleep(60);
    viewer.advanceTimeBy(60, TimeUnit.MILLISECONDS);
    viewer.runScheduledPendingTasks();
    viewer.runPendingTasks();
    ByteBuffer refresh = viewer.received();
    assertTrue(refresh.remaining() > 4, "the refresh went out without another request");
    assertEquals(0, refresh.get());
    assertEquals(whole, tight.exact, "losslessly, all of it");
    assertEquals(Region.EMPTY, tight.jpeg);
  }

  private void normalPhase() throws Exception {
    viewer = fixture.connect(backend, Map.of(7, tight));
  }

  /**
   * A Tight that takes JPEG requests, records which rectangles it was asked to send as JPEG and
   * which losslessly, and writes Raw bytes (the test reads no payloads).
   */
  private static final class LossyRawFactory implements EncoderFactory {
    Region jpeg = Region.EMPTY;
    Region exact = Region.EMPTY;

    @Override
    public int encoding() {
      return 7;
    }

    @Override
    public boolean lossy() {
      return true;
    }

    @Override
    public Encoder create(EncoderContext context) {
      return new Encoder() {
        @Override
        public void encode(EncodeRequest request, RfbOutput out) {
          if (request.content() != null && request.content().jpeg()) {
            jpeg = jpeg.union(request.rect());
          } else {
            exact = exact.union(request.rect());
          }
          for (int y = request.rect().y(); y < request.rect().bottom(); y++) {
            request.writer().writePixels(request.pixels(), request.rowStart(y),
                request.rect().width(), out);
          }
        }
      };
    }
  }


  /** A photograph that never changes; counts how often its size is checked and it is read. */
  private static final class PhotoBackend implements CaptureBackend {
    final AtomicInteger sizeChecks = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    private final ArrayFramebuffer photo = Corpus.PHOTO.framebuffer(W, H, 1);
    private final Framebuffer counting = new Framebuffer() {
      @Override
      public int width() {
        sizeChecks.incrementAndGet();
        return photo.width();
      }

      @Override
      public int height() {
        return photo.height();
      }

      @Override
      public void read(Rect area, int[] dst, int offset, int stride) {
        reads.incrementAndGet();
        photo.read(area, dst, offset, stride);
      }
    };

    @Override
    public void start(DesktopListener listener) {}

    @Override
    public void stop() {}

    @Override
    public Framebuffer framebuffer() {
      return counting;
    }

    @Override
    public InputSink input() {
      return new NoInput();
    }

    @Override
    public CursorShape cursor() {
      return null;
    }
  }
}
