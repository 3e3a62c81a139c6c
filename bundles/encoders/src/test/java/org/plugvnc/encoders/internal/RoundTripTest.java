package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;

/**
 * Raw, RRE, CoRRE and Hextile payloads decoded by decoders written from the spec alone give back
 * exactly what a viewer sees of every pixel, for every scene, format and test rectangle, with and
 * without the selector's analysis. One encoder of each kind serves the whole matrix, as one
 * session's would.
 */
class RoundTripTest {

  /** Decodes one payload of a rectangle into 0x00RRGGBB colours. */
  interface Decoder {
    int[] decode(byte[] payload, int width, int height, PixelFormat format, int[] colourMap);
  }

  private static void roundTrip(Encoder encoder, Decoder decoder, String name, Corpus scene,
      PixelFormat format) {
    int[] picture = Pictures.picture(scene);
    int[] seen = Pictures.seen(picture, format);
    for (EncodeRequest request : Pictures.requests(picture, format)) {
      CapturingOutput out = new CapturingOutput();
      encoder.encode(request, out);
      Rect rect = request.rect();
      int[] decoded = decoder.decode(out.bytes(), rect.width(), rect.height(), format,
          Formats.COLOUR_MAP);
      Pictures.assertSeen(seen, request, decoded, name + " " + scene + " " + format);
    }
  }

  @ParameterizedTest
  @MethodSource("org.plugvnc.encoders.internal.Pictures#scenesAndFormats")
  void raw(Corpus scene, PixelFormat format) {
    roundTrip(new RawEncoder(), SpecRawDecoder::decode, "Raw", scene, format);
  }

  @ParameterizedTest
  @MethodSource("org.plugvnc.encoders.internal.Pictures#scenesAndFormats")
  void rre(Corpus scene, PixelFormat format) {
    roundTrip(RreEncoder.rre(), SpecRreDecoder::decode, "RRE", scene, format);
  }

  @ParameterizedTest
  @MethodSource("org.plugvnc.encoders.internal.Pictures#scenesAndFormats")
  void corre(Corpus scene, PixelFormat format) {
    roundTrip(RreEncoder.corre(), SpecCorreDecoder::decode, "CoRRE", scene, format);
  }

  @ParameterizedTest
  @MethodSource("org.plugvnc.encoders.internal.Pictures#scenesAndFormats")
  void hextile(Corpus scene, PixelFormat format) {
    roundTrip(new HextileEncoder(), (payload, w, h, f, map) ->
        SpecHextileDecoder.decode(payload, w, h, f, map).rgb(), "Hextile", scene, format);
  }

  /**
   * No Hextile tile is ever larger than a raw tile (its mask byte and raw pixels), so a whole
   * rectangle never exceeds width * height * bytesPerPixel plus one byte per tile.
   */
  @ParameterizedTest
  @MethodSource("org.plugvnc.encoders.internal.Pictures#scenesAndFormats")
  void hextileNeverExceedsRawTiles(Corpus scene, PixelFormat format) {
    HextileEncoder encoder = new HextileEncoder();
    int bytesPerPixel = format.bitsPerPixel() / 8;
    for (EncodeRequest request : Pictures.requests(Pictures.picture(scene), format)) {
      CapturingOutput out = new CapturingOutput();
      encoder.encode(request, out);
      Rect rect = request.rect();
      int[] tileBytes = SpecHextileDecoder.decode(out.bytes(), rect.width(), rect.height(),
          format, Formats.COLOUR_MAP).tileBytes();
      int tilesAcross = (rect.width() + 15) / 16;
      long bound = 0;
      for (int t = 0; t < tileBytes.length; t++) {
        int tw = Math.min(16, rect.width() - t % tilesAcross * 16);
        int th = Math.min(16, rect.height() - t / tilesAcross * 16);
        int rawTile = 1 + tw * th * bytesPerPixel;
        assertTrue(tileBytes[t] <= rawTile, scene + " " + format + " " + rect + " tile " + t
            + " takes " + tileBytes[t] + " bytes, raw " + rawTile);
        bound += rawTile;
      }
      assertTrue(out.position() <= bound);
      assertTrue(out.position() <= (long) rect.width() * rect.height() * bytesPerPixel
          + tileBytes.length);
    }
  }
}
