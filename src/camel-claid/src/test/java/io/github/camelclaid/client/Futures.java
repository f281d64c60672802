package io.github.camelclaid.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Waiting for the client's calls in tests. */
final class Futures {

    private Futures() {
    }

    /**
     * The call's value; its failure is thrown as itself, not wrapped in a CompletionException, so that a test can
     * assert on the ClaidException. A failure that is not a RuntimeException fails the test.
     */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw assertInstanceOf(RuntimeException.class, AsyncFailures.unwrap(e));
        }
    }
}
