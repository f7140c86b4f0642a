package dev.parley.tck;

import dev.parley.api.SlowConsumerException;
import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import dev.parley.spi.ConnectionInitializer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One end of an in-memory pipe made by {@link InMemoryTransport}.
 *
 * <p>Each end has an inbox of events from its peer and one virtual thread that delivers them to
 * its handler in order, so handler calls never overlap. Bytes count as this end's pending output
 * until the peer's handler has been handed them; that models a socket whose reader is slow, and
 * gives the same slow-consumer rules as a real transport: over {@code maxOutboundBytes}, or no
 * delivery progress within {@code writeTimeout}, the sender is closed with a
 * {@link SlowConsumerException} and the peer hears a reset.
 *
 * <p>Thread-safe. Two inbox locks are never held at once: work on the peer is done after this
 * end's lock is released. Stall checks run on one shared daemon thread,
 * {@code parley-memory-watchdog}, that lives as long as the JVM (this is test code).
 */
final class MemoryConnection implements Connection {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-memory-watchdog");
        t.setDaemon(true);
        return t;
    });

    private sealed interface Event permits Bytes, Eof, Reset, Closed {
    }

    private record Bytes(ByteBuffer data) implements Event {
    }

    private record Eof() implements Event {
    }

    private record Reset(Throwable cause) implements Event {
    }

    private record Closed() implements Event {
    }

    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final TransportConfig config;
    private final ConnectionInitializer acceptInitializer;
    private final Consumer<MemoryConnection> onTerminated;
    private MemoryConnection peer;

    private final ReentrantLock inboxLock = new ReentrantLock();
    private final Condition inboxChanged = inboxLock.newCondition();
    private final ArrayDeque<Event> inbox = new ArrayDeque<>();
    private boolean paused;
    private boolean dead;

    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean outputShut = new AtomicBoolean();
    private final AtomicBoolean closedQueued = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong pending = new AtomicLong();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile ConnectionHandler handler;
    private ScheduledFuture<?> watch;

    /**
     * @param acceptInitializer run on this end's delivery thread before any event, for accepted
     *                          ends; {@code null} when the caller sets the handler itself
     * @param onTerminated      told just before {@code onClosed}, so a listener stops counting this end
     */
    MemoryConnection(InetSocketAddress localAddress, InetSocketAddress remoteAddress, TransportConfig config,
                     ConnectionInitializer acceptInitializer, Consumer<MemoryConnection> onTerminated) {
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.config = config;
        this.acceptInitializer = acceptInitializer;
        this.onTerminated = onTerminated;
    }

    static void link(MemoryConnection a, MemoryConnection b) {
        a.peer = b;
        b.peer = a;
    }

    void handler(ConnectionHandler handler) {
        this.handler = handler;
    }

    /** Starts delivering events. Called once, after {@link #link}. */
    void start() {
        long period = Math.clamp(config.writeTimeout().toNanos() / 4, TimeUnit.MILLISECONDS.toNanos(5),
                TimeUnit.MILLISECONDS.toNanos(500));
        watch = WATCHDOG.scheduleWithFixedDelay(this::checkStall, period, period, TimeUnit.NANOSECONDS);
        Thread.ofVirtual().name("parley-memory-deliver-" + InMemoryTransport.hostPort(localAddress)
                + "<-" + InMemoryTransport.hostPort(remoteAddress)).start(this::deliver);
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
        ByteBuffer view = bytes.duplicate();
        int n = view.remaining();
        boolean overflow = false;
        sendLock.lock();
        try {
            if (closing.get() || outputShut.get()) {
                return false;
            }
            if (n == 0) {
                return true;
            }
            if (pending.get() + n > config.maxOutboundBytes()) {
                overflow = true;
            } else {
                if (pending.getAndAdd(n) == 0) {
                    lastProgressNanos = System.nanoTime();
                }
                int chunk = peer.config.readBufferBytes();
                List<Event> slices = new ArrayList<>();
                for (int at = view.position(); at < view.limit(); at += chunk) {
                    slices.add(new Bytes(view.slice(at, Math.min(chunk, view.limit() - at)).asReadOnlyBuffer()));
                }
                if (!peer.offer(slices)) {
                    delivered(n);
                }
            }
        } finally {
            sendLock.unlock();
        }
        if (overflow) {
            abort(new SlowConsumerException("closed the connection to " + InMemoryTransport.hostPort(remoteAddress)
                    + ": more than " + config.maxOutboundBytes() + " bytes were waiting for a peer that does not"
                    + " read; raise maxOutboundBytes if the peer is only bursty"));
        }
        return !overflow;
    }

    @Override
    public long pendingBytes() {
        return pending.get();
    }

    @Override
    public boolean isOpen() {
        return !closing.get();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        shutdownOutputNow();
        if (pending.get() == 0) {
            queueClosed();
        }
    }

    /** Sends end of stream to the peer; later sends return {@code false}. Idempotent. */
    void shutdownOutput() {
        shutdownOutputNow();
    }

    void pauseReading(boolean pause) {
        inboxLock.lock();
        try {
            paused = pause;
            inboxChanged.signalAll();
        } finally {
            inboxLock.unlock();
        }
    }

    /** Closes at once: drops queued output, resets the peer, and reports {@code cause} to the handler. */
    void abort(Throwable cause) {
        failure.compareAndSet(null, cause);
        closing.set(true);
        outputShut.set(true);
        pending.set(0);
        peer.reset(new TransportException("connection reset by " + InMemoryTransport.hostPort(localAddress)
                + ": the peer closed abruptly (" + cause.getMessage() + ")", cause));
        queueClosed();
    }

    boolean awaitTerminated(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void shutdownOutputNow() {
        sendLock.lock();
        try {
            if (outputShut.compareAndSet(false, true)) {
                peer.offer(List.of(new Eof()));
            }
        } finally {
            sendLock.unlock();
        }
    }

    /** Adds the peer's events to this inbox; {@code false} when this end is gone and they were dropped. */
    private boolean offer(List<Event> events) {
        inboxLock.lock();
        try {
            if (dead) {
                return false;
            }
            inbox.addAll(events);
            inboxChanged.signalAll();
            return true;
        } finally {
            inboxLock.unlock();
        }
    }

    /** The peer aborted: what it sent and not yet delivered is lost, as with a TCP reset. */
    private void reset(Throwable cause) {
        List<Event> dropped;
        inboxLock.lock();
        try {
            if (dead) {
                return;
            }
            dropped = drainInbox();
            inbox.addFirst(new Reset(cause));
            inboxChanged.signalAll();
        } finally {
            inboxLock.unlock();
        }
        settle(dropped);
    }

    private void queueClosed() {
        if (!closedQueued.compareAndSet(false, true)) {
            return;
        }
        inboxLock.lock();
        try {
            // After an abort nothing else is delivered; after a graceful close the inbox holds only
            // the peer's bytes, which a closing end discards anyway.
            if (failure.get() != null) {
                inbox.addFirst(new Closed());
            } else {
                inbox.addLast(new Closed());
            }
            inboxChanged.signalAll();
        } finally {
            inboxLock.unlock();
        }
    }

    /** The peer's handler has been handed {@code n} of this end's bytes (or they were dropped). */
    private void delivered(long n) {
        lastProgressNanos = System.nanoTime();
        long left = pending.accumulateAndGet(-n, (a, b) -> Math.max(0, a + b));
        if (left == 0 && closing.get() && failure.get() == null) {
            queueClosed();
        }
    }

    private void checkStall() {
        if (pending.get() > 0 && !closedQueued.get()
                && System.nanoTime() - lastProgressNanos > config.writeTimeout().toNanos()) {
            abort(new SlowConsumerException("closed the connection to " + InMemoryTransport.hostPort(remoteAddress)
                    + ": the peer read nothing for " + config.writeTimeout().toMillis()
                    + " ms; raise writeTimeout if it is only slow"));
        }
    }

    private void deliver() {
        if (acceptInitializer != null) {
            try {
                handler = acceptInitializer.initialize(this);
            } catch (RuntimeException e) {
                abort(e);
            }
        }
        boolean inputClosed = false;
        while (true) {
            Event event = take();
            if (event instanceof Closed || event instanceof Reset) {
                if (event instanceof Reset reset) {
                    failure.compareAndSet(null, reset.cause());
                    closing.set(true);
                    outputShut.set(true);
                }
                finish();
                return;
            }
            ConnectionHandler h = handler;
            try {
                if (event instanceof Bytes bytes) {
                    if (!closing.get() && h != null) {
                        h.onBytes(bytes.data());
                    }
                    peer.delivered(bytes.data().limit());
                } else if (!closing.get() && !inputClosed && h != null) {
                    inputClosed = true;
                    h.onInputClosed();
                }
            } catch (RuntimeException e) {
                abort(e);
            }
        }
    }

    private Event take() {
        inboxLock.lock();
        try {
            while (true) {
                Event head = inbox.peekFirst();
                boolean readable = !paused || closing.get();
                if (head instanceof Closed || head instanceof Reset || (head != null && readable)) {
                    return inbox.pollFirst();
                }
                inboxChanged.awaitUninterruptibly();
            }
        } finally {
            inboxLock.unlock();
        }
    }

    private void finish() {
        List<Event> dropped;
        inboxLock.lock();
        try {
            dead = true;
            dropped = drainInbox();
        } finally {
            inboxLock.unlock();
        }
        settle(dropped);
        watch.cancel(false);
        onTerminated.accept(this);
        ConnectionHandler h = handler;
        try {
            if (h != null) {
                h.onClosed(failure.get());
            }
        } finally {
            terminated.countDown();
        }
    }

    private List<Event> drainInbox() {
        List<Event> dropped = new ArrayList<>(inbox);
        inbox.clear();
        return dropped;
    }

    /** Tells the peer that bytes it sent here will never be delivered, so it stops waiting for them. */
    private void settle(List<Event> dropped) {
        long bytes = 0;
        for (Event e : dropped) {
            if (e instanceof Bytes b) {
                bytes += b.data().limit();
            }
        }
        if (bytes > 0) {
            peer.delivered(bytes);
        }
    }

    @Override
    public String toString() {
        return "memory:" + InMemoryTransport.hostPort(localAddress) + "->" + InMemoryTransport.hostPort(remoteAddress);
    }
}
