package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;

/** One sync edit, sent by one of the clients compared; completes when its answer (and download) is in. */
interface EditCall extends AutoCloseable {

    /** What the figures call this client. */
    String name();

    /** Sends one edit; fails when the edit did not succeed. */
    CompletableFuture<?> send();

    @Override
    void close();
}
