package org.plugvnc.security.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;

/**
 * Security type None (1, RFC 6143 section 7.2.1): no authentication at all. The engine offers it
 * only when its configuration lists it, so registering this factory does not open the server.
 */
@Component(service = SecurityTypeFactory.class, property = SecurityTypeFactory.PROPERTY_TYPE + ":Integer=1")
public class NoneSecurityFactory implements SecurityTypeFactory {

  @Override
  public int type() {
    return Rfb.SECURITY_NONE;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    return new NoneHandshake();
  }
}
