package io.github.camelclaid.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.model.ImageObject;
import io.github.camelclaid.client.model.TaskError;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.UnitOfWorkHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a task that reached a terminal status into the exchanges that report it (one, or one per output with
 * splitOutputs), and settles the task in the ledger once they are done: finished when every exchange succeeded,
 * released for a retry when one failed. The tasks and webhook consumers share it, so both emit the same exchange.
 */
final class TaskReporter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReporter.class);

    /**
     * A task that ends without Claid telling how it ended (its answer lost, or Claid no longer knowing it): reported
     * as ERROR, with no output, and {@code why} as its one error, so a route handles it as it handles any failure.
     */
    static TaskResult endedUnknown(TrackedTask task, String why, Instant now) {
        return new TaskResult(task.key().id(), TaskStatus.ERROR, task.submittedAt().toString(), null, null,
                List.of(new TaskError(why, now.toString(), null)), null, null);
    }

    private final DefaultConsumer consumer;
    private final TaskLedger ledger;
    private final String owner;
    private final ResultWriter results;
    private final boolean splitOutputs;
    private final boolean download;
    private final TaskPollPlanner planner;
    private final java.util.concurrent.Executor completion;
    /** Keeps the leases of the tasks this consumer polls and its route processes, however long that takes. */
    private final LeaseKeeper leases;

    TaskReporter(ClaidEndpoint endpoint, DefaultConsumer consumer, String owner, TaskPollPlanner planner) {
        this.consumer = consumer;
        this.ledger = endpoint.ledger();
        this.owner = owner;
        this.results = new ResultWriter(endpoint);
        this.splitOutputs = endpoint.getConfiguration().isSplitOutputs();
        this.download = results.downloadOutput(endpoint.getOperation());
        this.planner = planner;
        this.completion = endpoint.getComponent().continuation();
        this.leases = new LeaseKeeper(endpoint, owner);
    }

    /** The consumer's heartbeat, for the tasks it holds before they reach a report (a status request out). */
    LeaseKeeper leases() {
        return leases;
    }

    /** Stops renewing leases: the consumer stops, and what it still holds lapses for the others to take. */
    void close() {
        leases.close();
    }

    /**
     * The exchanges reporting a task this reporter's owner holds. Outputs already processed in an earlier attempt
     * are left out. When the future fails (a download failed), the task has been released for a retry.
     */
    CompletableFuture<Report> report(TrackedTask claimed, TaskResult result, ClaidResponse<?> response) {
        TrackedTask task = UnconfirmedSubmissions.adoptPlaceholder(ledger, claimed, result);
        List<ImageObject> outputs = result.outputs();
        List<Integer> pending = new ArrayList<>();
        if (splitOutputs && outputs.size() > 1) {
            for (int i = 0; i < outputs.size(); i++) {
                if (!task.deliveredOutputs().contains(i)) {
                    pending.add(i);
                }
            }
        } else {
            pending.add(null);
        }
        Settlement settlement = new Settlement(task, result, pending.size());
        List<CompletableFuture<Exchange>> built = new ArrayList<>();
        for (Integer index : pending) {
            built.add(exchange(task, result, response, outputs, index, settlement));
        }
        // settled off the HTTP client's I/O threads: giving the task back is a ledger write
        return CompletableFuture.allOf(built.toArray(CompletableFuture[]::new)).handleAsync((ignored, failure) -> {
            if (failure != null) {
                settlement.abandon();
                built.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).map(CompletableFuture::join)
                        .forEach(unsent -> discard(unsent, failure));
                throw new java.util.concurrent.CompletionException(failure);
            }
            return new Report(built.stream().map(CompletableFuture::join).toList(), settlement);
        }, completion);
    }

    private CompletableFuture<Exchange> exchange(TrackedTask task, TaskResult result, ClaidResponse<?> response,
            List<ImageObject> outputs, Integer index, Settlement settlement) {
        // released by the consumer that processes it, once its outcome has been read
        Exchange exchange = consumer.createExchange(false);
        Message message = exchange.getMessage();
        writeTaskHeaders(message, task, result, response);
        CompletableFuture<Void> written;
        if (index == null) {
            ImageObject first = outputs.isEmpty() ? null : outputs.get(0);
            written = results.deliverOutput(exchange, result, first, download, result);
        } else {
            message.setHeader(ClaidConstants.OUTPUT_INDEX, index);
            message.setHeader(ClaidConstants.OUTPUT_COUNT, outputs.size());
            written = results.deliverOutput(exchange, result, outputs.get(index), download, outputs.get(index));
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                settlement.processed(index);
            }

            @Override
            public void onFailure(Exchange failed) {
                settlement.failed(failed);
            }
        });
        return written.thenApply(ignored -> exchange);
    }

    /**
     * An exchange made for an output that will not reach the route, because another output of its task could not be
     * fetched: its completions run as a failure's would, so that what it holds (an output's temporary file) is
     * released; the task itself was already given back.
     */
    private static void discard(Exchange unsent, Throwable why) {
        unsent.setException(why instanceof Exception e ? e : new IllegalStateException(why));
        UnitOfWorkHelper.doneSynchronizations(unsent, unsent.getExchangeExtension().handoverCompletions());
    }

    private static void writeTaskHeaders(Message message, TrackedTask task, TaskResult result,
            ClaidResponse<?> response) {
        for (Map.Entry<String, String> kept : task.correlation().entrySet()) {
            message.setHeader(kept.getKey(), kept.getValue());
        }
        if (response != null) {
            ResultWriter.setResponseHeaders(message, response);
        }
        message.setHeader(ClaidConstants.TASK_KIND, ClaidOperations.submitting(task.key().kind()).name());
        if (UnconfirmedSubmissions.isPlaceholder(task)) {
            // no task Claid named: no id, no result URL
            message.setHeader(ClaidConstants.TASK_STATUS, ClaidConstants.TaskStatuses.UNCONFIRMED);
        } else {
            message.setHeader(ClaidConstants.TASK_ID, task.key().id());
            message.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(result.status()));
            message.setHeader(ClaidConstants.RESULT_URL, task.resultUrl());
        }
        message.setHeader(ClaidConstants.TASK_SUBMITTED_AT, task.submittedAt().toString());
        if (!result.errors().isEmpty()) {
            message.setHeader(ClaidConstants.TASK_ERRORS, result.errors().stream().map(TaskError::error).toList());
        }
    }

    /** The exchanges for one task, and how to give the task back if they are not processed. */
    record Report(List<Exchange> exchanges, Settlement settlement) {

        /** The exchanges will not reach the route: the task goes back to the ledger, to be reported again. */
        void giveBack(Exception why) {
            settlement.abandon();
            exchanges.forEach(unsent -> discard(unsent, why));
        }
    }

    /**
     * Counts a task's exchanges down; the last one to complete settles the task in the ledger.
     */
    final class Settlement {
        private final TrackedTask task;
        private final TaskResult result;
        private final AtomicInteger outstandingExchanges;
        private final AtomicBoolean failed = new AtomicBoolean();

        Settlement(TrackedTask task, TaskResult result, int exchanges) {
            this.task = task;
            this.result = result;
            this.outstandingExchanges = new AtomicInteger(exchanges);
            leases.hold(task.key());
        }

        void processed(Integer outputIndex) {
            if (outputIndex != null) {
                ledger.outputDelivered(task.key(), owner, outputIndex);
            }
            settleIfLast();
        }

        void failed(Exchange exchange) {
            failed.set(true);
            LOG.debug("The route failed on Claid task {} ({}); it will be reported again", task.key(),
                    exchange.getException() != null ? exchange.getException().getMessage() : "no exception");
            settleIfLast();
        }

        /** Gives the task back before any of its exchanges reached the route: they could not be made. */
        void abandon() {
            outstandingExchanges.set(0);
            settle(false);
        }

        private void settleIfLast() {
            if (outstandingExchanges.decrementAndGet() == 0) {
                settle(!failed.get());
            }
        }

        private void settle(boolean processed) {
            leases.release(task.key());
            if (processed) {
                ledger.finish(task.key(), result.status(), Instant.now());
            } else {
                ledger.reschedule(task.key(), owner, result.status(), false, planner.retry(Instant.now()));
            }
        }
    }
}
