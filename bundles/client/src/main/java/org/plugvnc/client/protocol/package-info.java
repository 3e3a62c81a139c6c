/**
 * RFB message codecs and the handshake, over plain streams: no sockets, no threads, so that they
 * can be fed literal bytes in tests and reused by a non-blocking load client later.
 */
package org.plugvnc.client.protocol;
