package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The bundle imports JNA optionally: without it, the codec choice must fall back to ImageIO rather
 * than fail. The encoder classes are loaded here by a class loader that cannot see com.sun.jna.
 */
class JpegWithoutJnaTest {

  @Test
  void withoutJnaJpegGoesThroughImageIo() throws Exception {
    ClassLoader noJna = new NoJnaLoader(getClass().getClassLoader());
    assertThrows(ClassNotFoundException.class, () -> noJna.loadClass("com.sun.jna.Native"));
    Class<?> choice = noJna.loadClass(JpegCompressors.class.getName());
    assertEquals(noJna, choice.getClassLoader());
    Method preferred = choice.getDeclaredMethod("preferred", String.class);
    preferred.setAccessible(true);
    Supplier<?> codec = (Supplier<?>) preferred.invoke(null, "test without JNA");
    Object compressor = codec.get();
    Method name = compressor.getClass().getDeclaredMethod("name");
    name.setAccessible(true);
    assertEquals("ImageIO", name.invoke(compressor));
  }

  /** Loads this package's classes itself and hides JNA; everything else comes from the parent. */
  static final class NoJnaLoader extends ClassLoader {
    private static final String OWN = JpegCompressors.class.getPackageName() + ".";

    NoJnaLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.sun.jna")) {
        throw new ClassNotFoundException(name + " hidden");
      }
      if (!name.startsWith(OWN)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          String resource = name.replace('.', '/') + ".class";
          try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] b = in.readAllBytes();
            c = defineClass(name, b, 0, b.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }
}
