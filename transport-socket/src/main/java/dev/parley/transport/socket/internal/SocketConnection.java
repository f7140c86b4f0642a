package dev.parley.transport.socket.internal;

import dev.parley.api.SlowConsumerException;
import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import dev.parley.spi.ConnectionInitializer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection over a blocking {@link SocketChannel}, with two virtual threads: a reader
 * that calls the handler, and a writer that drains the {@link OutboundQueue} with gathering
 * writes.
 *
 * <p>Threading: every handler method runs on the reader thread, one at a time, and
 * {@code onClosed} runs there last, once the channel is closed. {@link #send} and
 * {@link #close} may be called from any thread and never block.
 *
 * <p>Closing: {@link #close} stops delivering input, lets the writer flush the queue (the
 * {@link WriteWatchdog} bounds that by the write timeout), shuts down output, and then waits up
 * to {@link #linger} for the peer's end of stream before closing the channel, because closing a
 * socket with unread input makes the kernel send a reset that can destroy the bytes just
 * written. {@link #abort} closes at once, dropping the queue.
 */
public final class SocketConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(SocketConnection.class);
    private static final int MAX_BATCH = 256;
    private static final Duration MAX_LINGER = Duration.ofSeconds(1);

    private final SocketChannel channel;
    private final TransportConfig config;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final OutboundQueue queue;
    private final WriteWatchdog watchdog;
    private final Consumer<SocketConnection> onTerminated;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean channelClosing = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final CountDownLatch peerEof = new CountDownLatch(1);
    private final CountDownLatch channelClosed = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile ConnectionHandler handler;
    private volatile Thread reader;
    private volatile Thread writer;

    private SocketConnection(SocketChannel channel, TransportConfig config, WriteWatchdog watchdog,
                             Consumer<SocketConnection> onTerminated) throws IOException {
        this.channel = channel;
        this.config = config;
        this.watchdog = watchdog;
        this.onTerminated = onTerminated;
        this.queue = new OutboundQueue(config.maxOutboundBytes());
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.remoteAddress = (InetSocketAddress) channel.getRemoteAddress();
    }

    /**
     * Wraps a channel a listener accepted; {@link #start} runs the initializer.
     *
     * @throws IOException when the channel broke before it could be set up
     */
    static SocketConnection accepted(SocketChannel channel, TransportConfig config, WriteWatchdog watchdog,
                                     Consumer<SocketConnection> onTerminated) throws IOException {
        return new SocketConnection(channel, config, watchdog, onTerminated);
    }

    /**
     * Connects to {@code address} within the connect timeout, runs {@code initializer} on the
     * calling thread, and starts reading.
     *
     * @throws TransportException naming the address when the peer cannot be reached
     */
    public static SocketConnection connect(InetSocketAddress address, TransportConfig config,
                                           ConnectionInitializer initializer, WriteWatchdog watchdog) {
        if (address.isUnresolved()) {
            throw Addresses.unresolved("connect to", address);
        }
        SocketChannel channel = null;
        SocketConnection connection;
        try {
            channel = SocketChannel.open();
            // 0 would mean no timeout at all, so a sub-millisecond timeout becomes 1 ms.
            int timeoutMillis = Math.clamp(config.connectTimeout().toMillis(), 1, Integer.MAX_VALUE);
            channel.socket().connect(address, timeoutMillis);
            connection = new SocketConnection(channel, config, watchdog, c -> { });
        } catch (IOException e) {
            TransportException failure = Addresses.connectFailed(address, config.connectTimeout(), e);
            closeQuietly(channel, failure);
            throw failure;
        }
        try {
            connection.handler = initializer.initialize(connection);
        } catch (RuntimeException e) {
            connection.abort(e);
            connection.start(null);
            throw e;
        }
        connection.start(null);
        return connection;
    }

    /**
     * Starts the reader and writer threads. The reader runs {@code initializer}, when given,
     * before its first read, so no input can reach a connection without a handler.
     */
    void start(ConnectionInitializer initializer) {
        String name = Addresses.hostPort(remoteAddress);
        watchdog.watch(this, config.writeTimeout().toNanos());
        writer = Thread.ofVirtual().name("parley-socket-write-" + name).start(this::writeLoop);
        reader = Thread.ofVirtual().name("parley-socket-read-" + name).start(() -> readLoop(initializer));
        LOG.debug("Opened {}", this);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public boolean send(ByteBuffer bytes) {
        if (closing.get()) {
            return false;
        }
        ByteBuffer view = bytes.duplicate();
        if (!view.hasRemaining()) {
            return true;
        }
        return switch (queue.offer(view)) {
            case QUEUED -> true;
            case CLOSED -> false;
            case FULL -> {
                abort(new SlowConsumerException("closed the connection to " + Addresses.hostPort(remoteAddress)
                        + ": more than " + config.maxOutboundBytes() + " bytes were waiting to be written to a"
                        + " peer that does not read fast enough; raise maxOutboundBytes if it is only bursty"));
                yield false;
            }
        };
    }

    @Override
    public long pendingBytes() {
        return queue.pending();
    }

    @Override
    public boolean isOpen() {
        return !closing.get();
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            LOG.debug("Closing {}", this);
            queue.close();
            closeRequested.countDown();
        }
    }

    /**
     * Shuts down output once the queued bytes are written (a TCP half-close): the peer sees end of
     * stream, later sends return {@code false}, and input is still delivered until
     * {@link #close}. Idempotent.
     */
    public void shutdownOutput() {
        queue.close();
    }

    /** Closes at once with {@code cause}: drops queued output and closes the channel. Idempotent. */
    void abort(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            LOG.debug("Aborting {}: {}", this, cause.toString());
        }
        closing.set(true);
        closeRequested.countDown();
        queue.clear();
        closeChannel();
    }

    /**
     * Called by the watchdog: aborts with a {@link SlowConsumerException} if pending output made no
     * progress within the write timeout.
     *
     * @return nanoseconds until this connection could next be found stalled
     */
    long checkStalledOutput(long now) {
        long limit = config.writeTimeout().toNanos();
        long stalled = queue.stalledNanos(now);
        if (stalled < limit) {
            return limit - stalled;
        }
        abort(new SlowConsumerException("closed the connection to " + Addresses.hostPort(remoteAddress)
                + ": its output made no progress for " + config.writeTimeout().toMillis() + " ms because the"
                + " peer is not reading; raise writeTimeout if it is only slow"));
        return limit;
    }

    /**
     * Waits until the handler has heard {@code onClosed} and both threads have ended.
     *
     * @return {@code false} if that did not happen within {@code timeout}
     */
    boolean awaitTerminated(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread t : new Thread[] {reader, writer}) {
            long left = deadline - System.nanoTime();
            if (t != null && !t.join(Duration.ofNanos(Math.max(left, 1)))) {
                return false;
            }
        }
        return true;
    }

    private void readLoop(ConnectionInitializer initializer) {
        ConnectionHandler h = null;
        try {
            if (initializer != null) {
                handler = initializer.initialize(this);
            }
            h = handler;
            ByteBuffer buffer = ByteBuffer.allocate(config.readBufferBytes());
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    peerEof.countDown();
                    if (!closing.get()) {
                        LOG.debug("{} reached end of input", this);
                        h.onInputClosed();
                    }
                    return;
                }
                if (!closing.get()) {
                    buffer.flip();
                    LOG.trace("{} read {} bytes", this, n);
                    h.onBytes(buffer);
                }
            }
        } catch (IOException e) {
            if (!closing.get()) {
                abort(new TransportException("the connection to " + Addresses.hostPort(remoteAddress)
                        + " failed while reading: " + e.getMessage() + "; the peer may have crashed or the"
                        + " network dropped", e));
            }
        } catch (RuntimeException e) {
            // The handler (or initializer) threw: the connection cannot go on in an unknown state.
            abort(e);
        } catch (Error e) {
            abort(e);
            throw e;
        } finally {
            peerEof.countDown();
            awaitUninterruptibly(channelClosed);
            finish(h);
        }
    }

    private void writeLoop() {
        ByteBuffer[] batch = new ByteBuffer[MAX_BATCH];
        try {
            int count;
            while ((count = queue.take(batch)) > 0) {
                long left = 0;
                for (int i = 0; i < count; i++) {
                    left += batch[i].remaining();
                }
                while (left > 0) {
                    long n = channel.write(batch, 0, count);
                    queue.written(n);
                    left -= n;
                }
                LOG.trace("{} wrote {} buffers", this, count);
                Arrays.fill(batch, 0, count, null);
            }
            if (failure.get() == null) {
                channel.shutdownOutput();
                closeRequested.await();
                Duration linger = config.writeTimeout().compareTo(MAX_LINGER) < 0 ? config.writeTimeout() : MAX_LINGER;
                peerEof.await(linger.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (IOException e) {
            if (failure.get() == null) {
                abort(new TransportException("could not write to " + Addresses.hostPort(remoteAddress) + ": "
                        + e.getMessage() + "; the peer may have gone away", e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(new TransportException("the writer of " + this + " was interrupted", e));
        } finally {
            closeChannel();
        }
    }

    private void closeChannel() {
        if (channelClosing.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.compareAndSet(null, new TransportException("could not close the connection to "
                        + Addresses.hostPort(remoteAddress) + ": " + e.getMessage(), e));
            } finally {
                channelClosed.countDown();
            }
        }
    }

    private void finish(ConnectionHandler h) {
        watchdog.unwatch(this);
        onTerminated.accept(this);
        Throwable cause = failure.get();
        LOG.debug("Closed {}{}", this, cause == null ? "" : " (" + cause + ")");
        try {
            if (h != null) {
                h.onClosed(cause);
            }
        } catch (RuntimeException e) {
            LOG.warn("The handler of {} threw from onClosed; ignored", this, e);
        } finally {
            terminated.countDown();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "socket " + Addresses.hostPort(localAddress) + "->" + Addresses.hostPort(remoteAddress);
    }
}
