package io.github.camelclaid.testinfra;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * The life cycle every local server of this module shares: built, started once, closed once (closing again does
 * nothing), listening on 127.0.0.1 only. Subclasses say how to start and stop serving; this class keeps the state and
 * refuses what the state forbids.
 *
 * @param <S> the server's own type, returned by {@link #start()}
 */
public abstract class LocalServer<S extends LocalServer<S>> implements AutoCloseable {

    /** The one address local servers bind, so that nothing outside the machine can reach them. */
    public static final String LOOPBACK_HOST = "127.0.0.1";

    private enum State {
        NEW,
        RUNNING,
        CLOSED
    }

    private final CountDownLatch closed = new CountDownLatch(1);
    private State state = State.NEW;

    protected LocalServer() {
    }

    /**
     * Starts serving; a server starts once. When starting fails the server is closed, and the subclass has released
     * whatever it had acquired before the failure.
     *
     * @return this server
     * @throws IllegalStateException when started before or already closed, or when the server cannot start
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public final synchronized S start() {
        if (state != State.NEW) {
            throw new IllegalStateException("A " + name() + " starts once; this one is " + state);
        }
        try {
            startServing();
        } catch (RuntimeException e) {
            state = State.CLOSED;
            closed.countDown();
            throw e;
        }
        state = State.RUNNING;
        return self();
    }

    /** Stops serving and releases what the server holds. Calling it again, or on a server never started, is harmless. */
    @Override
    public final void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            boolean wasRunning = state == State.RUNNING;
            state = State.CLOSED;
            if (wasRunning) {
                stopServing();
            }
        }
        awaitStopped();
        closed.countDown();
    }

    /** Blocks until {@link #close()} has completed: for a command line that serves until the JVM is stopped. */
    public final void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Acquires and starts what serves; called once, holding this server's lock. Releases it all before throwing. */
    protected abstract void startServing();

    /** Stops serving; called once when a running server closes, holding this server's lock. */
    protected abstract void stopServing();

    /**
     * Waits for what {@link #stopServing()} stopped, without this server's lock (threads being stopped may need it),
     * and releases what must outlive them. Called on every first {@link #close()}, also of a server never started.
     */
    protected void awaitStopped() {
    }

    /** @throws IllegalStateException unless the server was started (it may have been closed since) */
    protected final synchronized void requireStarted() {
        if (state == State.NEW) {
            throw new IllegalStateException("The " + name() + " is not started yet; call start()");
        }
    }

    /** @throws IllegalStateException unless the server is running: started and not closed */
    protected final synchronized void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("The " + name() + " is " + state + "; it must be started (and not closed)");
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    protected static String loopbackUrl(int port) {
        return "http://" + LOOPBACK_HOST + ":" + port;
    }

    /** 127.0.0.1; not {@link InetAddress#getLoopbackAddress()}, which is ::1 when the JVM prefers IPv6. */
    protected static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(LOOPBACK_HOST, new byte[] { 127, 0, 0, 1 });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A builder's check of a port: 0 (any free port) to 65535.
     *
     * @return the port
     */
    protected static int validPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be 0..65535, not " + port);
        }
        return port;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    private String name() {
        return getClass().getSimpleName();
    }
}
