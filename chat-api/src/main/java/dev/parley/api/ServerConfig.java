package dev.parley.api;

import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of a chat server's protocol engine. Transport and storage have their own records,
 * {@link TransportConfig} and {@link StorageConfig}.
 *
 * @param address            where to listen; port 0 picks a free port
 * @param maxFrameBytes      the largest request a client may send; a larger one gets an error
 *                           and the connection is closed
 * @param maxPendingRequests requests a connection may have waiting to be handled; a client
 *                           that sends more is disconnected
 * @param historyOnLogin     how many of the newest messages a client receives at login
 * @param historyFormat      how the {@code history} response is written
 * @param maxUsernameLength  the longest username accepted
 * @param zone               the time zone of the timestamps the server sends
 * @param accounts           guests, registration, password rules and admins
 * @param limits             connection limits, flood protection and login throttling
 */
public record ServerConfig(InetSocketAddress address, int maxFrameBytes, int maxPendingRequests,
                           int historyOnLogin, HistoryFormat historyFormat, int maxUsernameLength,
                           ZoneId zone, AccountPolicy accounts, Limits limits) {

    /** The port a Parley server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 7600;

    public ServerConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(historyFormat, "historyFormat");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(limits, "limits");
        if (maxFrameBytes < 256) {
            throw new ConfigurationException("maxFrameBytes must be at least 256, was " + maxFrameBytes);
        }
        if (maxPendingRequests < 1) {
            throw new ConfigurationException("maxPendingRequests must be at least 1, was " + maxPendingRequests);
        }
        if (historyOnLogin < 0) {
            throw new ConfigurationException("historyOnLogin must be 0 or more, was " + historyOnLogin);
        }
        if (maxUsernameLength < 1 || maxUsernameLength > 256) {
            throw new ConfigurationException("maxUsernameLength must be between 1 and 256, was " + maxUsernameLength);
        }
    }

    /** A builder starting from the defaults: {@code 127.0.0.1:7600}, 64 KiB frames, 100 messages of history. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().address(address).maxFrameBytes(maxFrameBytes).maxPendingRequests(maxPendingRequests)
                .historyOnLogin(historyOnLogin).historyFormat(historyFormat)
                .maxUsernameLength(maxUsernameLength).zone(zone).accounts(accounts).limits(limits);
    }

    public ServerConfig withAddress(InetSocketAddress value) {
        return toBuilder().address(value).build();
    }

    public ServerConfig withHistoryFormat(HistoryFormat value) {
        return toBuilder().historyFormat(value).build();
    }

    public ServerConfig withMaxFrameBytes(int value) {
        return toBuilder().maxFrameBytes(value).build();
    }

    public ServerConfig withAccounts(AccountPolicy value) {
        return toBuilder().accounts(value).build();
    }

    public ServerConfig withLimits(Limits value) {
        return toBuilder().limits(value).build();
    }

    /** Builds a {@link ServerConfig}; not thread-safe. */
    public static final class Builder {
        private InetSocketAddress address = new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
        private int maxFrameBytes = 64 << 10;
        private int maxPendingRequests = 256;
        private int historyOnLogin = 100;
        private HistoryFormat historyFormat = HistoryFormat.OBJECTS;
        private int maxUsernameLength = 32;
        private ZoneId zone = ZoneId.systemDefault();
        private AccountPolicy accounts = AccountPolicy.DEFAULT;
        private Limits limits = Limits.DEFAULT;

        private Builder() {
        }

        public Builder address(InetSocketAddress value) {
            this.address = value;
            return this;
        }

        public Builder address(String host, int port) {
            return address(new InetSocketAddress(host, port));
        }

        public Builder maxFrameBytes(int value) {
            this.maxFrameBytes = value;
            return this;
        }

        public Builder maxPendingRequests(int value) {
            this.maxPendingRequests = value;
            return this;
        }

        public Builder historyOnLogin(int value) {
            this.historyOnLogin = value;
            return this;
        }

        public Builder historyFormat(HistoryFormat value) {
            this.historyFormat = value;
            return this;
        }

        public Builder maxUsernameLength(int value) {
            this.maxUsernameLength = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        public Builder accounts(AccountPolicy value) {
            this.accounts = value;
            return this;
        }

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(address, maxFrameBytes, maxPendingRequests, historyOnLogin, historyFormat,
                    maxUsernameLength, zone, accounts, limits);
        }
    }
}
