package org.plugvnc.clipboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc clipboard",
    description = "The in-memory clipboard shared by the viewers and the desktop.")
@interface ClipboardConfiguration {

  @AttributeDefinition(
      name = "Maximum length",
      description = "The most characters the clipboard keeps; longer text is cut to this length."
          + " 0 keeps nothing. Negative values fall back to the default.",
      min = "0")
  int maxLength() default InMemoryClipboard.DEFAULT_MAX_LENGTH;
}
