package io.github.camelclaid.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camelclaid.client.RetryRules.Failure;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests over a non-blocking HTTP client and repeats those that failed for a passing reason: which failures
 * may be repeated is {@link RetryRules}' to say, how often and after what wait the {@link RetryPolicy}'s. Waits
 * between attempts are timers on a scheduler, never a sleeping thread.
 */
final class RetryingTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaidClient.class);
    /** A call's step is to run before its next send. */
    private static final CompletableFuture<Boolean> STEP_DUE = CompletableFuture.completedFuture(true);
    /** A call's step has run for its next send, or is not to run again. */
    private static final CompletableFuture<Boolean> STEP_DONE = CompletableFuture.completedFuture(false);

    private final CloseableHttpAsyncClient http;
    private final boolean ownsHttp;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final RetryPolicy retryPolicy;
    private final Timeout responseTimeout;
    private final AtomicReference<RateLimitInfo> lastRateLimit = new AtomicReference<>();
    /** The account's rate-limit gate, or null when requests are not held back. */
    private final RateLimitGate gate;
    /** The calls the gate holds back; null without a gate. */
    private final HeldCalls held;
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong rateLimitedAnswers = new AtomicLong();
    private final AtomicLong heldBackNanos = new AtomicLong();
    /** Calls not yet answered, so that closing can answer them rather than leave a retry timer that never fires. */
    private final Set<Call<?>> pending = ConcurrentHashMap.newKeySet();
    /** Makes the consumer of each answer; a test replaces it to make reading an answer fail. */
    private volatile Function<AnswerLimits, AsyncResponseConsumer<HttpAnswer>> answerConsumers =
            CappedResponseConsumer::new;

    /**
     * @param http      a started client to share, or null to create (and later close) one
     * @param scheduler a scheduler to share, or null to create (and later shut down) one
     */
    RetryingTransport(CloseableHttpAsyncClient http, ScheduledExecutorService scheduler, RetryPolicy retryPolicy,
            Duration connectTimeout, Duration responseTimeout, int maxConnections, RateLimitGate gate) {
        this.retryPolicy = retryPolicy;
        this.gate = gate;
        this.responseTimeout = Timeout.of(responseTimeout);
        if (http != null) {
            this.http = http;
            this.ownsHttp = false;
        } else {
            this.http = ClaidHttpClients.create(connectTimeout, maxConnections);
            this.http.start();
            this.ownsHttp = true;
        }
        if (scheduler != null) {
            this.scheduler = scheduler;
            this.ownsScheduler = false;
        } else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "claid-client-retry");
                t.setDaemon(true);
                return t;
            });
            this.ownsScheduler = true;
        }
        this.held = gate == null ? null : new HeldCalls(gate, this.scheduler, heldBackNanos);
    }

    /** Replaces the maker of answer consumers: for tests that must make reading an answer fail. */
    void answerConsumers(Function<AnswerLimits, AsyncResponseConsumer<HttpAnswer>> factory) {
        this.answerConsumers = factory;
    }

    /** The most recent {@code RateLimit-*} headers received; null before any. */
    RateLimitInfo lastRateLimit() {
        return lastRateLimit.get();
    }

    ClaidClient.Counters counters() {
        return new ClaidClient.Counters(requestsSent.get(), rateLimitedAnswers.get(),
                Duration.ofNanos(heldBackNanos.get()));
    }

    /**
     * Sends a request, retrying per the policy, and reads the final answer with {@code reader} (which throws
     * {@link ClaidException} for error answers). {@code request} is asked for a fresh request for each attempt.
     */
    <T> CompletableFuture<T> execute(String what, boolean idempotent, Supplier<SimpleHttpRequest> request,
            AnswerLimits limits, Function<HttpAnswer, T> reader) {
        return execute(what, idempotent, request, limits, reader, null);
    }

    /**
     * The same, with a step run as the request goes out and taken back on a 429 ({@link SendStep}): the request goes
     * when the step's stage completes; when it fails, the call fails with its failure, unsent, and its place at the
     * gate goes to the next call.
     */
    <T> CompletableFuture<T> execute(String what, boolean idempotent, Supplier<SimpleHttpRequest> request,
            AnswerLimits limits, Function<HttpAnswer, T> reader, SendStep step) {
        return execute(what, idempotent, retryPolicy.maxAttempts(), responseTimeout, request, null, limits, reader,
                retryPolicy.maxRateLimitWait(), step);
    }

    /**
     * The same for a request whose body is streamed: {@code body} makes a fresh producer of it for each attempt, and
     * {@code request} carries only the request's line and headers.
     */
    <T> CompletableFuture<T> execute(String what, boolean idempotent, Supplier<SimpleHttpRequest> request,
            Supplier<AsyncEntityProducer> body, AnswerLimits limits, Function<HttpAnswer, T> reader) {
        return execute(what, idempotent, retryPolicy.maxAttempts(), responseTimeout, request, body, limits, reader,
                retryPolicy.maxRateLimitWait(), null);
    }

    /**
     * Sends a request once, with its own response timeout: for probes, which must answer quickly and say what they
     * saw rather than hide an outage behind retries.
     */
    <T> CompletableFuture<T> executeOnce(String what, Duration responseTimeout, Supplier<SimpleHttpRequest> request,
            AnswerLimits limits, Function<HttpAnswer, T> reader) {
        return execute(what, true, 1, Timeout.of(responseTimeout), request, null, limits, reader, Duration.ZERO,
                null);
    }

    private <T> CompletableFuture<T> execute(String what, boolean idempotent, int maxAttempts, Timeout timeout,
            Supplier<SimpleHttpRequest> request, Supplier<AsyncEntityProducer> body, AnswerLimits limits,
            Function<HttpAnswer, T> reader, Duration maxRateLimitWait, SendStep step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Call<T> call = new Call<>(what, idempotent, maxAttempts, timeout, request, body, limits, reader, result,
                System.nanoTime(), maxRateLimitWait.toNanos(), new AtomicLong(-1), new AtomicInteger(), step,
                step == null ? null : new AtomicReference<>(STEP_DUE));
        pending.add(call);
        result.whenComplete((r, e) -> pending.remove(call));
        attempt(call, 1);
        return result;
    }

    private record Call<T>(String what, boolean idempotent, int maxAttempts, Timeout responseTimeout,
            Supplier<SimpleHttpRequest> request, Supplier<AsyncEntityProducer> body, AnswerLimits limits,
            Function<HttpAnswer, T> reader, CompletableFuture<T> result, long startNanos, long maxRateLimitWaitNanos,
            AtomicLong firstRefusalNanos, AtomicInteger refusals, SendStep step,
            AtomicReference<CompletableFuture<Boolean>> stepDue) {

        /**
         * Whether the step must run before this send, once known (a refusal being taken back first): null for a call
         * without a step. Taken, so that the step runs once per send.
         */
        CompletableFuture<Boolean> takeStepDue() {
            return stepDue == null ? null : stepDue.getAndSet(STEP_DONE);
        }

        /** Claid refused the call (429): what the step recorded is taken back, and it runs again before the next send. */
        void refused() {
            if (stepDue == null || stepDue.get() != STEP_DONE) {
                return; // no step, or one that has not run
            }
            CompletableFuture<Void> takenBack;
            try {
                takenBack = step.refused();
            } catch (RuntimeException e) {
                takenBack = CompletableFuture.failedFuture(e);
            }
            // when it could not be taken back, what was recorded stands for the next send as it did for this one
            stepDue.set(takenBack.handle((ignored, failure) -> failure == null));
        }

        /**
         * Whether waiting {@code millis} more for the rate limit keeps this call within {@code maxRateLimitWait},
         * counted from its first 429.
         */
        boolean mayWaitForRateLimit(long nowNanos, long millis) {
            firstRefusalNanos.compareAndSet(-1, nowNanos);
            long waited = nowNanos - firstRefusalNanos.get();
            return waited + TimeUnit.MILLISECONDS.toNanos(millis) <= maxRateLimitWaitNanos;
        }

        /** Each call is itself, in {@code pending} too: a record's equality would hash every component twice a call. */
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private void attempt(Call<?> call, int attempt) {
        if (call.result.isDone()) {
            return;
        }
        SimpleHttpRequest request = call.request.get();
        if (gated(request)) {
            // the account's window is spent, or its pace reached: the call waits its turn
            held.add(held(call, attempt, request));
        } else {
            send(call, attempt, request);
        }
    }

    /**
     * A request the gate let through will get no answer (it failed, was cancelled, or was not sent after all): the gate
     * no longer counts it as in flight, and the calls held behind it may ask again.
     */
    private void noAnswerComing(SimpleHttpRequest request) {
        if (gated(request)) {
            gate.unanswered();
            held.release();
        }
    }

    /** Only calls to Claid's API count against the account; downloads of temporary URLs carry no key. */
    private boolean gated(SimpleHttpRequest request) {
        return held != null && request.getFirstHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    private HeldCalls.Held held(Call<?> call, int attempt, SimpleHttpRequest request) {
        return new HeldCalls.Held() {
            @Override
            public boolean abandoned() {
                return call.result.isDone();
            }

            @Override
            public void send() {
                RetryingTransport.this.send(call, attempt, request);
            }

            @Override
            public boolean mayWaitForRefusal(long waitNanos) {
                // each refusal on its own: a call in a long line meets several, and waiting in line is not failing
                return waitNanos <= call.maxRateLimitWaitNanos;
            }

            @Override
            public void refuse(long waitNanos) {
                long waitMillis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
                // DEBUG: one refusal may fail thousands of held calls, and each exchange carries the reason
                LOG.debug("Claid {} not sent: the account was answered 429 and may ask again in {} ms, past"
                        + " maxRateLimitWait", call.what, waitMillis);
                call.result.completeExceptionally(ClaidException.heldPastRateLimitWait(call.what, waitMillis,
                        TimeUnit.NANOSECONDS.toMillis(call.maxRateLimitWaitNanos)));
            }

            @Override
            public void fail(RuntimeException e) {
                call.result.completeExceptionally(ClaidException.network(call.what, e));
            }
        };
    }

    private void send(Call<?> call, int attempt, SimpleHttpRequest request) {
        CompletableFuture<Boolean> due = call.takeStepDue();
        if (due == null || due == STEP_DONE) {
            transmit(call, attempt, request);
            return;
        }
        CompletableFuture<Void> prepared = due.thenCompose(run -> run ? call.step.beforeSend()
                : CompletableFuture.completedFuture(null));
        prepared.whenComplete((ignored, failure) -> {
            // a call answered meanwhile (the client closed) is not sent either
            if (failure == null && !call.result.isDone()) {
                transmit(call, attempt, request);
                return;
            }
            // the place it was given goes to the next call
            noAnswerComing(request);
            if (failure != null) {
                call.result.completeExceptionally(AsyncFailures.unwrap(failure));
            }
        });
    }

    private void transmit(Call<?> call, int attempt, SimpleHttpRequest request) {
        requestsSent.incrementAndGet();
        request.setConfig(RequestConfig.custom().setResponseTimeout(call.responseTimeout).build());
        try {
            // both guarded: an Error while sending or reading fails this call instead of killing an I/O thread
            AsyncRequestProducer producer = call.body == null ? SimpleRequestProducer.create(request)
                    : new BasicRequestProducer(request, IoThreadGuard.guard(call.body.get()));
            http.execute(producer, IoThreadGuard.guard(answerConsumers.apply(call.limits)), null,
                    new FutureCallback<>() {
                        @Override
                        public void completed(HttpAnswer answer) {
                            try {
                                onAnswer(call, attempt, request, answer);
                            } catch (Error e) {
                                answer.discard();
                                call.result.completeExceptionally(ClaidException.network(call.what,
                                        new IoThreadGuard.ErrorOnIoThread("reading the answer", e)));
                            }
                        }

                        @Override
                        public void failed(Exception e) {
                            onFailure(call, attempt, request, e);
                        }

                        @Override
                        public void cancelled() {
                            noAnswerComing(request);
                            call.result.cancel(false);
                        }
                    });
        } catch (RuntimeException e) {
            // the client was closed or could not take the request: nothing was sent
            call.result.completeExceptionally(ClaidException.network(call.what, e));
        }
    }

    private <T> void onAnswer(Call<T> call, int attempt, SimpleHttpRequest request, HttpAnswer answer) {
        RateLimitInfo rateLimit = answer.rateLimit();
        if (rateLimit != null) {
            lastRateLimit.set(rateLimit);
        }
        Failure failure = answer.isSuccess() ? null : RetryRules.ofStatus(answer.status());
        if (failure == Failure.RATE_LIMITED) {
            rateLimitedAnswers.incrementAndGet();
        }
        long asked = serverAskedWaitMillis(answer, rateLimit);
        long gateClosedNanos = 0;
        if (gated(request)) {
            gateClosedNanos = gate.update(rateLimit, answer.status(), TimeUnit.MILLISECONDS.toNanos(asked),
                    System.nanoTime());
            held.release();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Claid {} {} answered {} after {} ms (attempt {}, x-request-id {})", request.getMethod(),
                    request.getPath(), answer.status(), (System.nanoTime() - call.startNanos) / 1_000_000, attempt,
                    answer.header("x-request-id"));
        }
        if (failure == Failure.RATE_LIMITED) {
            // the account is busy, which is backpressure rather than a failure of this call: it waits for the window
            // the answer named and asks again, without using an attempt, until maxRateLimitWait has passed
            // a gated call waits for the gate, which may stay closed longer than the policy's own delay: the longer
            // of the two is the wait that counts against maxRateLimitWait
            long delay = Math.max(retryPolicy.delayMillis(1, asked), TimeUnit.NANOSECONDS.toMillis(gateClosedNanos));
            if (call.mayWaitForRateLimit(System.nanoTime(), delay)) {
                answer.discard();
                call.refusals.incrementAndGet();
                call.refused();
                retryAfterRefusal(call, attempt, request, delay);
                return;
            }
            LOG.warn("Claid {} answered 429; waiting {} ms more would pass maxRateLimitWait: not retrying", call.what,
                    delay);
        }
        boolean attemptsLeft = attempt < call.maxAttempts;
        if (failure != null && failure != Failure.RATE_LIMITED && failure.mayRepeat(call.idempotent) && attemptsLeft) {
            answer.discard();
            retryLater(call, attempt, retryPolicy.delayMillis(attempt, asked), "answered " + answer.status());
            return;
        }
        try {
            if (!call.result.complete(call.reader.apply(answer.afterAttempts(attempt + call.refusals.get())))) {
                // answered after the call was given up (the client closed): nobody takes the body over
                answer.discard();
            }
        } catch (ClaidException e) {
            answer.discard();
            // a garbled success (cut-off JSON) of a call that is safe to repeat is worth another try
            Failure unreadable = RetryRules.of(e);
            if (answer.isSuccess() && unreadable != null && unreadable.mayRepeat(call.idempotent) && attemptsLeft) {
                retryLater(call, attempt, retryPolicy.delayMillis(attempt, -1), "answered unreadably");
            } else {
                call.result.completeExceptionally(e);
            }
        } catch (RuntimeException e) {
            answer.discard();
            call.result.completeExceptionally(e);
        }
    }

    private void onFailure(Call<?> call, int attempt, SimpleHttpRequest request, Exception e) {
        noAnswerComing(request);
        if (e instanceof IoThreadGuard.ErrorOnIoThread) {
            // not a passing fault of the network: sending the call again would most likely end the same way
            call.result.completeExceptionally(ClaidException.network(call.what, e));
            return;
        }
        Failure failure = RetryRules.ofTransportFailure(e);
        if (failure == Failure.TOO_LARGE) {
            call.result.completeExceptionally(ClaidException.invalidResponse(call.what, 0, e.getMessage(), null, e));
            return;
        }
        boolean mayRepeat = failure.mayRepeat(call.idempotent);
        if (!mayRepeat || attempt >= call.maxAttempts) {
            if (!mayRepeat) {
                LOG.warn("Claid {} got no answer ({}); not repeated because Claid may have acted on it",
                        call.what, e.getClass().getSimpleName());
            }
            call.result.completeExceptionally(ClaidException.unanswered(call.what, attempt, originOf(request), e));
            return;
        }
        retryLater(call, attempt, retryPolicy.delayMillis(attempt, -1), "failed: " + e.getClass().getSimpleName());
    }

    private static String originOf(SimpleHttpRequest request) {
        try {
            URI uri = request.getUri();
            // host and port only: user info in a URL would be a secret
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "the configured baseUrl";
        }
    }

    private void retryLater(Call<?> call, int attempt, long delayMillis, String why) {
        LOG.info("Claid {} {}; retrying in {} ms (attempt {} of {})", call.what, why, delayMillis, attempt + 1,
                call.maxAttempts);
        try {
            scheduler.schedule(() -> attempt(call, attempt + 1), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            call.result.completeExceptionally(ClaidException.network(call.what, e));
        }
    }

    private void retryAfterRefusal(Call<?> call, int attempt, SimpleHttpRequest request, long delayMillis) {
        if (gated(request)) {
            // the gate learned the refusal and stays closed for the window: the call keeps its place in line
            LOG.debug("Claid {} answered 429: the account is busy; waiting for the gate", call.what);
            held.addFirst(held(call, attempt, call.request.get()));
            return;
        }
        LOG.debug("Claid {} answered 429: the account is busy; asking again in {} ms", call.what, delayMillis);
        try {
            // the same attempt again: a refusal is not one of the attempts that passing failures may use
            scheduler.schedule(() -> attempt(call, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            call.result.completeExceptionally(ClaidException.network(call.what, e));
        }
    }

    /** RateLimit-Reset (seconds) or Retry-After (seconds or an HTTP date), whichever asks longer; -1 if neither. */
    private static long serverAskedWaitMillis(HttpAnswer answer, RateLimitInfo rateLimit) {
        long asked = -1;
        if (answer.status() == 429 && rateLimit != null && rateLimit.resetSeconds() != null) {
            asked = Math.max(0, rateLimit.resetSeconds()) * 1000L;
        }
        String retryAfter = answer.header("Retry-After");
        if (retryAfter != null) {
            asked = Math.max(asked, parseRetryAfter(retryAfter.trim()));
        }
        return asked;
    }

    private static long parseRetryAfter(String value) {
        try {
            return Math.max(0, Long.parseLong(value)) * 1000L;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (RuntimeException unreadable) {
                return -1;
            }
        }
    }

    @Override
    public void close() {
        for (Call<?> call : List.copyOf(pending)) {
            call.result.completeExceptionally(ClaidException.network(call.what,
                    new IllegalStateException("the Claid client was closed before Claid answered")));
        }
        if (ownsHttp) {
            http.close(CloseMode.GRACEFUL);
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }
}
