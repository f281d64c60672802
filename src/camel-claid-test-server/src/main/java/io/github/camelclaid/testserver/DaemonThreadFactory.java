package io.github.camelclaid.testserver;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads: a test that forgets to close the server must not keep the JVM (or Surefire's fork) alive, and
 * the names tell a thread dump whose threads they are.
 */
final class DaemonThreadFactory implements ThreadFactory {

    static final String PREFIX = "local-claid-";

    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    /**
     * @param serverPrefix the threads' common prefix for one server, e.g. {@code local-claid-3-}
     * @param role         what the threads do, e.g. {@code http}
     */
    DaemonThreadFactory(String serverPrefix, String role) {
        this.name = serverPrefix + role + "-";
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(work, name + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
