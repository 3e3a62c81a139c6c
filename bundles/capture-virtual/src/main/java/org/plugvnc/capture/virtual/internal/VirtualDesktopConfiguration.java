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
      description = "interactive: a clock, a text line, a drawing canvas and the clipboard."
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
}
