/**
 * Abstract conformance suites ({@code TransportConformanceTest}, {@code StorageConformanceTest})
 * and in-memory fakes ({@code InMemoryTransport}, {@code InMemoryStorage}) for engine tests.
 */
package dev.parley.tck;
