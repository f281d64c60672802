package io.github.camelclaid.testserver;

import java.util.Collection;
import java.util.Locale;

/**
 * Lets a test choose how an async task ends through its input URL(s), without configuring the server: a URL
 * containing {@code fail} ends the task in ERROR (for a batch: that input fails), {@code cancel} in CANCELLED,
 * {@code pause} in PAUSED (case-insensitive; the first that applies in that order wins). A
 * {@link RequestFault#taskEndsWith(TaskStatus)} fault overrides the markers.
 */
final class OutcomeMarkers {

    static final String FAIL = "fail";
    static final String CANCEL = "cancel";
    static final String PAUSE = "pause";

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
