package dev.parley.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings every transport honours, for listeners and outbound connections alike.
 *
 * @param maxOutboundBytes bytes a connection may have queued for writing; past that its peer is
 *                         a slow consumer and the connection is closed with a
 *                         {@link SlowConsumerException}
 * @param readBufferBytes  size of the buffer a connection reads into
 * @param connectTimeout   how long an outbound connect may take
 * @param writeTimeout     how long pending output may make no progress before the peer is
 *                         treated as a slow consumer; also bounds the flush at a graceful close
 */
public record TransportConfig(int maxOutboundBytes, int readBufferBytes, Duration connectTimeout,
                              Duration writeTimeout) {

    /** 4 MiB outbound, 16 KiB reads, 5 s to connect, 30 s of stalled writes. */
    public static final TransportConfig DEFAULT =
            new TransportConfig(4 << 20, 16 << 10, Duration.ofSeconds(5), Duration.ofSeconds(30));

    public TransportConfig {
        if (maxOutboundBytes < 1024) {
            throw new ConfigurationException("maxOutboundBytes must be at least 1024, was " + maxOutboundBytes);
        }
        if (readBufferBytes < 256 || readBufferBytes > (16 << 20)) {
            throw new ConfigurationException("readBufferBytes must be between 256 and 16 MiB, was " + readBufferBytes);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new ConfigurationException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new ConfigurationException("writeTimeout must be positive, was " + writeTimeout);
        }
    }

    public TransportConfig withMaxOutboundBytes(int value) {
        return new TransportConfig(value, readBufferBytes, connectTimeout, writeTimeout);
    }

    public TransportConfig withReadBufferBytes(int value) {
        return new TransportConfig(maxOutboundBytes, value, connectTimeout, writeTimeout);
    }

    public TransportConfig withConnectTimeout(Duration value) {
        return new TransportConfig(maxOutboundBytes, readBufferBytes, value, writeTimeout);
    }

    public TransportConfig withWriteTimeout(Duration value) {
        return new TransportConfig(maxOutboundBytes, readBufferBytes, connectTimeout, value);
    }
}
