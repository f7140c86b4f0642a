/**
 * Parley's conformance suites and in-memory fakes, for tests only.
 *
 * <p>A provider module subclasses the suite of its kind in its tests and supplies the provider;
 * a provider is conformant when the suite passes unchanged.
 */
module dev.parley.tck {
    requires transitive dev.parley.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports dev.parley.tck;
}
