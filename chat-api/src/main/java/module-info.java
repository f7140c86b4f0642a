/**
 * Parley's public API ({@code dev.parley.api}) and provider interfaces ({@code dev.parley.spi}).
 *
 * <p>Providers (transports, storage) depend on this module only; the engine finds them with
 * {@link java.util.ServiceLoader} through {@link dev.parley.spi.Providers}.
 */
module dev.parley.api {
    requires org.slf4j;

    exports dev.parley.api;
    exports dev.parley.spi;

    uses dev.parley.spi.TransportProvider;
    uses dev.parley.spi.StorageProvider;
}
