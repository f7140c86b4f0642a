/**
 * The socket transport's implementation. Not API; may change without notice.
 */
package dev.parley.transport.socket.internal;
