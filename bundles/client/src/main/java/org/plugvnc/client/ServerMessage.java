package org.plugvnc.client;

/**
 * A server-to-client message after this client has applied it (framebuffer updated, colour map
 * set, counters advanced). Use {@code instanceof} to tell the kinds apart.
 */
public sealed interface ServerMessage
    permits FramebufferUpdate, SetColourMapEntries, Bell, ServerCutText {
}
