package org.plugvnc.credentials.jaas.internal;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password by a JAAS login in a named login context, and gives the user
 * full or view-only rights from the roles the login put into the subject: a full-access role wins,
 * else a view-only role; a user with neither is refused though the password was right.
 *
 * <p>Only principals of the configured role principal classes count as roles (in Karaf {@value
 * #KARAF_ROLE_PRINCIPAL}, matched by name so this bundle needs no Karaf classes), so a user whose
 * own name is {@code admin} gains nothing by it. The login's {@link Configuration} is given to each
 * {@link LoginContext}; the JVM-wide one is used only when it is the container's (Karaf's realms).
 * During the login the thread's context class loader is a {@link ModuleClassLoader}, since JAAS
 * loads the login modules through it and they may live in other bundles; the thread's own loader
 * is restored afterwards.
 *
 * <p>{@link #verify} blocks for as long as the login modules take (a file, LDAP, a database): it
 * is only ever called from {@code SecurityContext.resume} by the handshakes, on the engine's worker
 * pool, never on an I/O thread. The password is never logged; the callback handler's copy is wiped
 * after the login. Safe for concurrent calls: each login has its own context and subject.
 */
final class JaasVerifier implements CredentialVerifier {

  /** Karaf's role principal class, {@code org.apache.karaf.jaas.boot.principal.RolePrincipal}. */
  static final String KARAF_ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
  /** Longer passwords are refused before any login, as the users file does. */
  static final int MAX_PASSWORD_LENGTH = 1024;
  /** Longer user names are refused before any login. */
  static final int MAX_USER_LENGTH = 255;

  private static final Logger LOG = LoggerFactory.getLogger(JaasVerifier.class);

  private final String realm;
  private final Supplier<Configuration> configuration;
  private final RoleRights rights;

  /**
   * @param realm the login context's name
   * @param configuration the JAAS configuration for each login; may throw, which refuses the login
   * @param rights which roles give which rights
   */
  JaasVerifier(String realm, Supplier<Configuration> configuration, RoleRights rights) {
    this.realm = realm;
    this.configuration = configuration;
    this.rights = rights;
  }

  /**
   * The identity {@code user} logs in as, or empty when the login fails or the user has no role
   * that gives rights. Blocks for the login (see the class comment). Does not keep or change
   * {@code password}.
   */
  @Override
  public Optional<Identity> verify(String user, char[] password) {
    if (user == null || user.isEmpty() || user.length() > MAX_USER_LENGTH || password == null
        || password.length == 0 || password.length > MAX_PASSWORD_LENGTH) {
      return Optional.empty();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(new ModuleClassLoader(JaasVerifier.class.getClassLoader(), previous));
    try (PasswordHandler handler = new PasswordHandler(user, password)) {
      Subject subject = new Subject();
      LoginContext login = new LoginContext(realm, subject, handler, configuration.get());
      login.login();
      try {
        return identity(user, subject);
      } finally {
        logout(login, user);
      }
    } catch (LoginException e) {
      // A module's message may quote what the viewer sent; only its kind goes to the info log.
      LOG.info("JAAS login of user {} in realm {} refused ({})", printable(user), realm,
          e.getClass().getSimpleName());
      LOG.debug("JAAS login of user {} in realm {} refused: {}", printable(user), realm, e.getMessage());
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("JAAS login of user {} in realm {} failed: {}", printable(user), realm, e.toString());
      return Optional.empty();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Optional<Identity> identity(String user, Subject subject) {
    Set<String> roles = new HashSet<>();
    for (Principal principal : subject.getPrincipals()) {
      if (rights.isRole(principal)) {
        roles.add(principal.getName());
      }
    }
    Optional<Boolean> viewOnly = rights.viewOnly(roles);
    if (viewOnly.isEmpty()) {
      LOG.info("JAAS user {} in realm {} logged in but has none of the roles {} or {}: refused",
          printable(user), realm, rights.fullAccess(), rights.viewOnly());
      return Optional.empty();
    }
    return Optional.of(new Identity(user, viewOnly.get()));
  }

  private void logout(LoginContext login, String user) {
    try {
      login.logout();
    } catch (LoginException | RuntimeException e) {
      LOG.debug("JAAS logout of user {} in realm {} failed: {}", printable(user), realm, e.toString());
    }
  }

  /** {@code text} with control characters replaced, so a user name cannot forge log lines. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}
