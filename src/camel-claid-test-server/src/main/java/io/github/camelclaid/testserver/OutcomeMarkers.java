package io.github.camelclaid.testserver;

import java.util.Collection;
import java.util.Locale;

/**
 * Lets a test choose how an async task ends through its input URL(s), without configuring the server: a URL
 * containing {@code fail} ends the task in ERROR (for a batch: that input fails), {@code cancel} in CANCELLED,
 * {@code pause} in PAUSED (case-insensitive; the first that applies in that order wins). A
 * {@link RequestFault#taskEndsWith(TaskStatus)} fault overrides the markers.
 *
 * <p>
 * One marker chooses when rather than how: a URL containing {@code hold} keeps its task PROCESSING until
 * {@link LocalClaidServer#releaseHeldTasks()}, whatever the processing time, so a test can keep a task in flight for as
 * long as it needs without betting on a duration.
 */
final class OutcomeMarkers {

    static final String FAIL = "fail";
    static final String CANCEL = "cancel";
    static final String PAUSE = "pause";
    static final String HOLD = "hold";

    private OutcomeMarkers() {
    }

    static TaskStatus outcome(Collection<String> inputUrls, TaskStatus forced) {
        if (forced != null) {
            return forced;
        }
        if (inputUrls.stream().anyMatch(OutcomeMarkers::asksToFail)) {
            return TaskStatus.ERROR;
        }
        if (inputUrls.stream().anyMatch(url -> contains(url, CANCEL))) {
            return TaskStatus.CANCELLED;
        }
        if (inputUrls.stream().anyMatch(url -> contains(url, PAUSE))) {
            return TaskStatus.PAUSED;
        }
        return TaskStatus.DONE;
    }

    /** Whether the task of these inputs waits for {@link LocalClaidServer#releaseHeldTasks()} to end. */
    static boolean asksToHold(Collection<String> inputUrls) {
        return inputUrls.stream().anyMatch(url -> contains(url, HOLD));
    }

    static boolean asksToFail(String url) {
        return contains(url, FAIL);
    }

    static String failureMessage(String url) {
        return "Could not process the input image " + url + " (the local Claid server fails every input whose URL"
                + " contains '" + FAIL + "').";
    }

    private static boolean contains(String url, String marker) {
        return url != null && url.toLowerCase(Locale.ROOT).contains(marker);
    }
}
