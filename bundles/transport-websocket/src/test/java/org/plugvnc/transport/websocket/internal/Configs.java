package org.plugvnc.transport.websocket.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration as DS would hand it over: the defaults of the annotation, some overridden. */
final class Configs {

  private Configs() {}

  static WebSocketTransportConfiguration of(Map<String, Object> overrides) {
    return (WebSocketTransportConfiguration) Proxy.newProxyInstance(Configs.class.getClassLoader(),
        new Class<?>[] {WebSocketTransportConfiguration.class}, (proxy, method, args) -> {
          if (overrides.containsKey(method.getName())) {
            return overrides.get(method.getName());
          }
          if (method.getDefaultValue() != null) {
            return method.getDefaultValue();
          }
          return switch (method.getName()) {
            case "annotationType" -> WebSocketTransportConfiguration.class;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "Configs" + overrides;
          };
        });
  }
}
