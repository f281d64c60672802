package io.github.camelclaid.client;

import java.util.concurrent.CompletableFuture;

/**
 * What a caller records as its request goes out, before Claid can act on it (a paid submission's claim), and takes
 * back when Claid refuses the request with a 429 and it waits to be sent again: so that the record means "sent and
 * maybe acted on", never "only waiting". Both are called on whichever thread lets the request go or reads Claid's
 * answer, an HTTP I/O thread among them: they must not block, and should run their work on an executor of their own.
 */
public interface SendStep {

    /**
     * The request is about to go out: the first time after any wait for the account's rate budget, and again after
     * each refusal that {@link #refused()} took back. The request goes when the stage completes; if it fails, the call
     * fails with its failure and nothing is sent.
     */
    CompletableFuture<Void> beforeSend();

    /**
     * Claid answered 429: it did not act on the request, which waits to be sent again. When the stage completes
     * normally, {@link #beforeSend()} runs again before the next send; when it fails, what was recorded stands and the
     * request is sent again without it.
     */
    CompletableFuture<Void> refused();
}
