package org.plugvnc.credentials.jaas.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * A login module as a realm has one: each option {@code NAME="PASSWORD,ROLE,..."} is a user. A
 * login puts a {@link UserPrincipal} and one {@link RolePrincipal} per role into the subject.
 */
public class TestLoginModule implements LoginModule {

  /** The user's own principal: never a role. */
  public record UserPrincipal(String getName) implements Principal {}

  /** A role. */
  public record RolePrincipal(String getName) implements Principal {}

  private Subject subject;
  private CallbackHandler handler;
  private Map<String, ?> options;
  private final List<Principal> principals = new ArrayList<>();

  @Override
  public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
      Map<String, ?> options) {
    this.subject = subject;
    this.handler = handler;
    this.options = options;
  }

  @Override
  public boolean login() throws LoginException {
    NameCallback name = new NameCallback("user: ");
    PasswordCallback password = new PasswordCallback("password: ", false);
    try {
      handler.handle(new Callback[] {name, password});
    } catch (IOException | UnsupportedCallbackException e) {
      throw new LoginException(e.toString());
    }
    Object entry = options.get(name.getName());
    if (entry == null) {
      throw new FailedLoginException("no such user");
    }
    String[] fields = entry.toString().split(",");
    if (!Arrays.equals(fields[0].toCharArray(), password.getPassword())) {
      throw new FailedLoginException("wrong password");
    }
    principals.add(new UserPrincipal(name.getName()));
    for (int i = 1; i < fields.length; i++) {
      principals.add(new RolePrincipal(fields[i]));
    }
    return true;
  }

  @Override
  public boolean commit() {
    subject.getPrincipals().addAll(principals);
    return true;
  }

  @Override
  public boolean abort() {
    principals.clear();
    return true;
  }

  @Override
  public boolean logout() {
    subject.getPrincipals().removeAll(principals);
    principals.clear();
    return true;
  }
}
