/**
 * The socket transport. Its only public type is {@link dev.parley.transport.socket.SocketTransportProvider},
 * found by {@link java.util.ServiceLoader} under the name {@code socket}.
 */
package dev.parley.transport.socket;
