package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/**
 * Lossy Tight and TightPNG, with each JPEG codec, for a viewer at quality level 8 (JPEG quality
 * 92, no subsampling): rectangles the selector asks to be lossy go out as JPEG where rfbproto
 * allows it (true colour, 16 or 32 bpp) and decode with a PSNR of at least 30 dB on PHOTO (25 dB on
 * the other scenes); elsewhere, and whenever the engine did not ask (no content), they stay
 * lossless and exact. (The analysed requests here ask for lossy encoding of every rectangle.)
 */
class TightJpegRoundTripTest {

  static final int WIDTH = TightRoundTripTest.WIDTH;
  static final int HEIGHT = TightRoundTripTest.HEIGHT;
  static final EncodingSettings QUALITY_8 = new EncodingSettings(8, -1, null, -1, false);

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String codec : new String[] {"ImageIO", "libjpeg-turbo"}) {
      for (boolean png : new boolean[] {false, true}) {
        for (Corpus scene : new Corpus[] {Corpus.PHOTO, Corpus.MIXED, Corpus.TEXT}) {
          for (PixelFormat format : Formats.ALL) {
            all.add(Arguments.of(codec, png ? "TightPNG" : "Tight", scene, format));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @MethodSource("cases")
  void lossyWhereAllowedAndExactElsewhere(String codec, String encoding, Corpus scene,
      PixelFormat format) {
    Supplier<JpegCompressor> jpeg = codec.equals("ImageIO")
        ? ImageIoJpegCompressor::new : TurboJpegCompressor::new;
    boolean png = encoding.equals("TightPNG");
    boolean jpegAllowed = format.trueColour() && format.bitsPerPixel() >= 16;
    TightRoundTripTest.Scene picture =
        new TightRoundTripTest.Scene(scene.pixels(WIDTH, HEIGHT, 5), format);
    for (boolean analysed : new boolean[] {false, true}) {
      Set<String> methods = new HashSet<>();
      TestEncoderContext context = new TestEncoderContext();
      Encoder encoder = png ? new TightPngEncoderFactory(jpeg).create(context)
          : new TightEncoderFactory(jpeg, false).create(context);
      encoder.configure(QUALITY_8);
      SpecTightDecoder decoder = new SpecTightDecoder(format,
          png ? SpecTightDecoder.Variant.TIGHT_PNG : SpecTightDecoder.Variant.TIGHT);
      for (Rect rect : Corpus.testRects(WIDTH, HEIGHT)) {
        EncodeRequest request = analysed
            ? TestRequests.analysed(rect, picture.picture, WIDTH, Formats.writer(format),
                Palette.MAX_COLOURS, true)
            : TestRequests.plain(rect, picture.picture, WIDTH, Formats.writer(format));
        CapturingOutput out = new CapturingOutput();
        encoder.encode(request, out);
        SpecTightDecoder.Decoded decoded = decoder.decode(out.bytes(), rect.width(),
            rect.height());
        methods.add(decoded.method());
        String what = codec + " " + encoding + " " + rect + (analysed ? " analysed" : " plain");
        if (decoded.method().equals("jpeg")) {
          assertTrue(jpegAllowed, what + ": JPEG at " + format);
          double psnr = psnr(picture.picture, rect, decoded.rgb());
          assertTrue(psnr >= (scene == Corpus.PHOTO ? 30 : 25), what + ": PSNR " + psnr);
        } else {
          picture.assertSeen(rect, decoded.rgb(), what + " " + decoded.method());
        }
      }
      encoder.close();
      context.end();
      // Asked to be lossy, every non-solid rectangle is; unasked, none: the engine decides what
      // goes lossy, as it refreshes those areas losslessly later.
      assertEquals(jpegAllowed && analysed, methods.contains("jpeg"),
          (analysed ? "analysed " : "plain ") + methods);
    }
  }

  static double psnr(int[] picture, Rect rect, int[] decoded) {
    double sum = 0;
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        int a = picture[(rect.y() + y) * WIDTH + rect.x() + x];
        int b = decoded[y * rect.width() + x];
        for (int shift = 0; shift <= 16; shift += 8) {
          int d = (a >> shift & 0xFF) - (b >> shift & 0xFF);
          sum += d * d;
        }
      }
    }
    double mse = sum / (rect.width() * rect.height() * 3.0);
    return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
  }
}
