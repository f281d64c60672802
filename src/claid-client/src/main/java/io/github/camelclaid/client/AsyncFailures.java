package io.github.camelclaid.client;

import java.util.concurrent.CompletionException;

/** The failure itself, out of the wrappers that the futures of this client put around it. */
public final class AsyncFailures {

    private AsyncFailures() {
    }

    /**
     * The failure inside any {@link CompletionException}s that {@code join()} and the dependent stages of a future
     * wrap it in, so that callers look at the {@link ClaidException} (or whatever failed), never at a wrapper.
     */
    public static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
