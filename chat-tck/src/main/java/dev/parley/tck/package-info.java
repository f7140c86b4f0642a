/**
 * Abstract conformance suites ({@code TransportConformanceTest}, {@code StorageConformanceTest})
 * and in-memory fakes ({@code InMemoryTransport}, {@code InMemoryStorage}) for engine tests.
 * {@code StorageConformanceTest} runs one contract class per storage repository
 * ({@code AccountRepositoryContract} and its siblings) as nested tests, so a backend subclasses
 * it once.
 *
 * <p>Test support for transports: {@code RecordingHandler} and {@code RecordingInitializer}
 * record a connection's events, check the handler contract and let a test await what it expects
 * without sleeping; {@code Payloads} makes reproducible payloads.
 */
package dev.parley.tck;
