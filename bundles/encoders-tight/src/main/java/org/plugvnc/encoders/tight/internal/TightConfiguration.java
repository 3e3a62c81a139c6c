package org.plugvnc.encoders.tight.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc Tight encoding",
    description = "How the Tight encoding (7) compresses lossless rectangles.")
@interface TightConfiguration {

  @AttributeDefinition(
      name = "Gradient filter",
      description = "Send full-colour rectangles through Tight's GradientFilter at compression "
          + "levels 1 to 9. On photo-like content it is about a third smaller and, with zlib "
          + "level 1, faster than plain zlib. Off by default because noVNC cannot decode it (it "
          + "drops the connection with 'Gradient filter not implemented'); turn it on only when "
          + "every viewer is TigerVNC, TurboVNC or another that implements it.")
  boolean gradientFilter() default false;
}
