package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pages may open the WebSocket. */
class OriginPolicyTest {

  private final List<String> invalid = new ArrayList<>();

  private OriginPolicy policy(String... allowed) {
    return OriginPolicy.of(allowed, invalid::add);
  }

  @Test
  void theServersOwnOriginIsAllowedWithTheSchemeTheRequestCameOver() {
    OriginPolicy p = policy();
    assertNull(p.refusal("http://localhost:5800", "localhost:5800", false));
    assertNull(p.refusal("HTTP://LocalHost:5800", "localhost:5800", false), "case-insensitive");
    assertNull(p.refusal("https://vnc.example:443", "vnc.example", true), "default port explicit or not");
    assertNull(p.refusal("http://[::1]:5800", "[::1]:5800", false));
    assertNotNull(p.refusal("http://localhost:5800", "localhost:5800", true), "a plain page on an https request");
    assertNotNull(p.refusal("https://localhost:5800", "localhost:5800", false));
    assertNotNull(p.refusal("http://localhost:5801", "localhost:5800", false), "another port");
    assertNotNull(p.refusal("http://evil.test", "localhost:5800", false));
    assertNotNull(p.refusal("http://localhost:5800.evil.test", "localhost:5800", false));
    assertNotNull(p.refusal("null", "localhost:5800", false), "the opaque origin");
    assertNotNull(p.refusal("http://localhost:5800", null, false), "no Host to compare with");
  }

  @Test
  void aRequestWithoutOriginIsNoBrowsersAndIsAllowed() {
    assertNull(policy().refusal(null, "localhost:5800", false));
  }

  @Test
  void configuredOriginsAreAllowedInAddition() {
    OriginPolicy p = policy("https://portal.example", "http://kiosk.example:8080, not an origin");
    assertNull(p.refusal("https://portal.example:443", "vnc.example:5800", false));
    assertNull(p.refusal("http://kiosk.example:8080", "vnc.example:5800", false));
    assertNotNull(p.refusal("http://portal.example", "vnc.example:5800", false), "scheme counts");
    assertNotNull(p.refusal("http://kiosk.example", "vnc.example:5800", false), "port counts");
    assertNull(p.refusal("http://vnc.example:5800", "vnc.example:5800", false), "and still its own");
    assertEquals(List.of("not an origin"), invalid);
  }

  @Test
  void aStarAllowsEveryOrigin() {
    OriginPolicy p = policy("*");
    assertTrue(p.allowsAny());
    assertNull(p.refusal("http://evil.test", "localhost:5800", false));
    assertNull(p.refusal("null", "localhost:5800", false));
  }

  @Test
  void originsAreCanonical() {
    assertEquals("http://a.example:80", OriginPolicy.canonical("http://A.example"));
    assertEquals("https://a.example:8443", OriginPolicy.canonical("https://a.example:8443/"));
    assertNull(OriginPolicy.canonical("http://a.example/path"));
    assertNull(OriginPolicy.canonical("http://user@a.example"));
    assertNull(OriginPolicy.canonical("file:///etc"));
    assertNull(OriginPolicy.canonical("chrome-extension://abc"));
  }
}
