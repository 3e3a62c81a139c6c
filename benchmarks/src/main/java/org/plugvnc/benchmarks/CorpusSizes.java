package org.plugvnc.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.engine.internal.update.ByteBufRfbOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/**
 * Bytes per Mpixel for every benchmarked encoder over every corpus scene at 1920 x 1080, 32 bpp:
 * the second frame through each encoder (the first primes zlib streams), as a Markdown table.
 * Deterministic, so it needs no repetition: {@code java -cp ... org.plugvnc.benchmarks.CorpusSizes}.
 */
public final class CorpusSizes {

  private static final List<String> ENCODERS = List.of("Raw", "RRE", "CoRRE", "Hextile", "Zlib",
      "ZRLE", "TRLE", "Tight", "TightJPEG", "TightPNG");

  private CorpusSizes() {}

  public static void main(String[] args) {
    StringBuilder header = new StringBuilder("| encoder |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Corpus scene : Corpus.values()) {
      header.append(' ').append(scene).append(" |");
      rule.append("---:|");
    }
    System.out.println("Bytes per Mpixel (1920x1080, 32 bpp, compression level 2, JPEG quality level 8)");
    System.out.println(header);
    System.out.println(rule);
    for (String name : ENCODERS) {
      StringBuilder row = new StringBuilder("| " + name + " |");
      for (Corpus scene : Corpus.values()) {
        row.append(String.format(" %,d |", bytesPerMpixel(name, scene)));
      }
      System.out.println(row);
    }
  }

  static long bytesPerMpixel(String name, Corpus scene) {
    Encoders.Subject s = Encoders.named(name);
    EncoderFactory factory = s.factory().get();
    TestEncoderContext context = new TestEncoderContext();
    Encoder encoder = factory.create(context);
    encoder.configure(s.settings());
    PixelWriter writer = PixelWriters.forFormat(PixelFormat.RGB888);
    int[] picture = Frame.pixels(scene);
    ByteBuf buffer = Unpooled.buffer(Frame.PIXELS * 5);
    try {
      long bytes = 0;
      for (int frame = 0; frame < 2; frame++) {
        buffer.clear();
        ByteBufRfbOutput out = new ByteBufRfbOutput(buffer);
        for (Rect r : Frame.pieces(factory)) {
          EncodeRequest req = factory.lossy()
              ? Frame.analysed(r, picture, writer, s.jpeg() ? 96 : 256, s.jpeg())
              : TestRequests.plain(r, picture, Frame.WIDTH, writer);
          encoder.encode(req, out);
        }
        bytes = buffer.writerIndex() + 12L * Frame.pieces(factory).size();
      }
      return Math.round(bytes * 1e6 / Frame.PIXELS);
    } finally {
      encoder.close();
      context.end();
      buffer.release();
    }
  }
}
