package org.plugvnc.capture.virtual.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
    name = "plugvnc virtual desktop",
    description = "The embedded desktop drawn in memory: an interactive demo desktop or a"
        + " deterministic test pattern.")
@interface VirtualDesktopConfiguration {

  @AttributeDefinition(
      name = "Width",
      description = "Framebuffer width in pixels; values outside 16..8192 are clamped.",
      min = "16",
      max = "8192")
  int width() default 1280;

  @AttributeDefinition(
      name = "Height",
      description = "Framebuffer height in pixels; values outside 16..8192 are clamped.",
      min = "16",
      max = "8192")
  int height() default 800;

  @AttributeDefinition(
      name = "Mode",
      description = "interactive: a clock, a text line, a drawing canvas, the clipboard and a"
          + " log of key events that scrolls by copies."
          + " test-pattern: a fixed colour gradient whose pixels tests can compute.",
      options = {
          @Option(label = "Interactive", value = "interactive"),
          @Option(label = "Test pattern", value = "test-pattern")
      })
  String mode() default "interactive";

  @AttributeDefinition(
      name = "Title",
      description = "The title shown in the header of the interactive desktop.")
  String title() default "plugvnc";

  @AttributeDefinition(
      name = "Scroll steps",
      description = "test-pattern only: how many times a band of the pattern (the middle half of"
          + " its rows, without the outer eighths of its columns) scrolls up after the desktop"
          + " starts, one step every 200 ms, moved inside the framebuffer and reported as a copy"
          + " (CopyRect for viewers that take it); the rows leaving at the top come back at the"
          + " bottom. 0: the pattern stands still.",
      min = "0")
  int scrollSteps() default 0;

  @AttributeDefinition(
      name = "Scroll pixels",
      description = "test-pattern only: how many rows the band moves per scroll step; values"
          + " outside 1..8192 are clamped, and at most the band's height is used.",
      min = "1",
      max = "8192")
  int scrollPixels() default 8;
}
