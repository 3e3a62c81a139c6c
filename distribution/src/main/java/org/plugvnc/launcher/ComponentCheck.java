package org.plugvnc.launcher;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Finds plugvnc components that failed to activate (the server's port in use, say). A bundle
 * starts even when one of its components throws on activation, so without this the launcher would
 * report a started server that listens nowhere. Reads Declarative Services' runtime DTOs by
 * reflection: the launcher's class path has the framework only.
 */
final class ComponentCheck {

  private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
  private static final int FAILED_ACTIVATION = 16;

  private ComponentCheck() {}

  /**
   * The failures of plugvnc components, one line each ("component: reason"); empty when all
   * activated or when Declarative Services is absent.
   *
   * @throws ReflectiveOperationException if the runtime's API is not the one of DS 1.4 or later
   */
  static List<String> failures(BundleContext context) throws ReflectiveOperationException {
    List<String> failures = new ArrayList<>();
    ServiceReference<?> reference = context.getServiceReference(RUNTIME);
    if (reference == null) {
      return failures;
    }
    Object runtime = context.getService(reference);
    try {
      ClassLoader api = reference.getBundle().adapt(org.osgi.framework.wiring.BundleWiring.class)
          .getClassLoader();
      Class<?> runtimeType = api.loadClass(RUNTIME);
      Class<?> descriptionType =
          api.loadClass("org.osgi.service.component.runtime.dto.ComponentDescriptionDTO");
      Method descriptions = runtimeType.getMethod("getComponentDescriptionDTOs", Bundle[].class);
      Method configurations =
          runtimeType.getMethod("getComponentConfigurationDTOs", descriptionType);
      Bundle[] plugvnc = Arrays.stream(context.getBundles())
          .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.plugvnc."))
          .toArray(Bundle[]::new);
      for (Object description : (Collection<?>) descriptions.invoke(runtime, (Object) plugvnc)) {
        String name = (String) description.getClass().getField("name").get(description);
        for (Object configuration : (Collection<?>) configurations.invoke(runtime, description)) {
          if (configuration.getClass().getField("state").getInt(configuration) == FAILED_ACTIVATION) {
            Object failure = configuration.getClass().getField("failure").get(configuration);
            failures.add(name + ": " + rootCause(String.valueOf(failure)));
          }
        }
      }
    } finally {
      context.ungetService(reference);
    }
    return failures;
  }

  /** From a stack trace, the innermost "Caused by:" line (else the first line). */
  static String rootCause(String trace) {
    String cause = trace.lines().findFirst().orElse(trace);
    for (String line : (Iterable<String>) trace.lines()::iterator) {
      if (line.startsWith("Caused by: ")) {
        cause = line.substring("Caused by: ".length());
      }
    }
    return cause;
  }
}
