package org.plugvnc.credentials.jaas.internal;

import java.security.Principal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which principals are roles, and which roles give full or view-only access. Role principals are
 * recognised by class name (the class, a superclass or an interface), so Karaf's {@code
 * RolePrincipal} needs no compile-time dependency.
 *
 * @param fullAccess roles giving full access
 * @param viewOnly roles letting a user only watch
 * @param principalClasses names of the classes whose principals are roles
 */
record RoleRights(Set<String> fullAccess, Set<String> viewOnly, Set<String> principalClasses) {

  RoleRights {
    fullAccess = Set.copyOf(fullAccess);
    viewOnly = Set.copyOf(viewOnly);
    principalClasses = Set.copyOf(principalClasses);
  }

  /** Rights from comma-separated lists, as the configuration gives them. */
  static RoleRights of(String fullAccess, String viewOnly, String principalClasses) {
    return new RoleRights(names(fullAccess), names(viewOnly), names(principalClasses));
  }

  /** The non-blank, trimmed names of a comma-separated list. */
  static Set<String> names(String list) {
    if (list == null) {
      return Collections.emptySet();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code principal} carries a role. */
  boolean isRole(Principal principal) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(principal.getClass());
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      if (principalClasses.contains(type.getName())) {
        return true;
      }
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
      types.addAll(Arrays.asList(type.getInterfaces()));
    }
    return false;
  }

  /** Whether a user with {@code roles} may only watch; empty when the roles give no access. */
  Optional<Boolean> viewOnly(Set<String> roles) {
    if (roles.stream().anyMatch(fullAccess::contains)) {
      return Optional.of(false);
    }
    if (roles.stream().anyMatch(viewOnly::contains)) {
      return Optional.of(true);
    }
    return Optional.empty();
  }
}
