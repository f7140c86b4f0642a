/**
 * Provider interfaces: what a transport or a storage backend implements to plug into Parley.
 *
 * <p>A provider module depends on {@code chat-api} only, declares its provider with
 * {@code provides} in its {@code module-info.java} and in {@code META-INF/services}, and passes
 * the matching conformance suite in {@code chat-tck} unchanged.
 */
package dev.parley.spi;
