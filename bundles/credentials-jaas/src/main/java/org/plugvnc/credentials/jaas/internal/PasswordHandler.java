package org.plugvnc.credentials.jaas.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.TextOutputCallback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Answers a login module's questions for one login: the user name for {@link NameCallback}, the
 * password for {@link PasswordCallback}. Holds its own copy of the password; {@link #close} wipes
 * it and the copies the password callbacks it answered hold, so nothing of it outlives the login
 * (except what a login module copied for itself). Messages ({@link TextOutputCallback}) are ignored;
 * any other question is unsupported, which fails the login.
 */
final class PasswordHandler implements CallbackHandler, AutoCloseable {

  private final String user;
  private final char[] password;
  private final List<PasswordCallback> answered = new ArrayList<>();

  PasswordHandler(String user, char[] password) {
    this.user = user;
    this.password = password.clone();
  }

  @Override
  public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
    for (Callback callback : callbacks) {
      if (callback instanceof NameCallback name) {
        name.setName(user);
      } else if (callback instanceof PasswordCallback secret) {
        secret.setPassword(password); // the callback keeps a clone, wiped in close()
        answered.add(secret);
      } else if (!(callback instanceof TextOutputCallback)) {
        throw new UnsupportedCallbackException(callback, "Only a user name and password can be given");
      }
    }
  }

  @Override
  public void close() {
    Arrays.fill(password, '\0');
    answered.forEach(PasswordCallback::clearPassword);
    answered.clear();
  }
}
