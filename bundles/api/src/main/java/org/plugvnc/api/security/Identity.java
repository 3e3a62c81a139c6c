package org.plugvnc.api.security;

/**
 * Who a viewer authenticated as.
 *
 * @param name a user name, or a description such as {@code "vnc-password"} when the type has none
 * @param viewOnly true when the viewer may watch but not send input or clipboard
 */
public record Identity(String name, boolean viewOnly) {}
