/**
 * Parley's engine: the KTN protocol codec, sessions, the command registry, and the
 * {@link dev.parley.api.ChatServer} and {@link dev.parley.api.ChatClient} implementations,
 * built with {@link dev.parley.engine.Parley}.
 */
module dev.parley.engine {
    requires transitive dev.parley.api;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires org.bouncycastle.provider;

    exports dev.parley.engine;
}
