package org.plugvnc.credentials.jaas.internal;

/**
 * The context class loader during a login, through which JAAS loads the login modules by name:
 * this bundle's loader first (which, by its dynamic import, reaches a module exported by any
 * bundle, and in Karaf the system bundle's {@code ProxyLoginModule}), then the loader the calling
 * thread had, for a module only the caller can see.
 */
final class ModuleClassLoader extends ClassLoader {

  private final ClassLoader fallback;

  ModuleClassLoader(ClassLoader bundle, ClassLoader fallback) {
    super(bundle);
    this.fallback = fallback;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (fallback == null) {
      throw new ClassNotFoundException(name);
    }
    return fallback.loadClass(name);
  }
}
