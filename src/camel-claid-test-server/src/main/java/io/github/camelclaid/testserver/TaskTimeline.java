package io.github.camelclaid.testserver;

import java.time.Duration;

/**
 * What the server saw of one async task: when it ended and when a status request first found it ended, both counted
 * from its submission, and how many status requests asked for it. Kept for every task (the request journal keeps only
 * the latest requests), so tests can measure polling plans on thousands of tasks.
 *
 * @param id              the task id
 * @param kind            the task kind, e.g. {@code EDIT_ASYNC}
 * @param endedAfter      from submission to the task's end (its final status), as planned; null for a held task or
 *                        one told to hang
 * @param firstSeenEnded  from submission to the first status answer with the final status; null if none was asked for
 * @param statusRequests  status requests for this task, answered or not yet ended
 */
public record TaskTimeline(long id, String kind, Duration endedAfter, Duration firstSeenEnded, int statusRequests) {

    /** How long after its end the task was first seen ended; null when it was not. */
    public Duration noticedLate() {
        return endedAfter == null || firstSeenEnded == null ? null : firstSeenEnded.minus(endedAfter);
    }
}
