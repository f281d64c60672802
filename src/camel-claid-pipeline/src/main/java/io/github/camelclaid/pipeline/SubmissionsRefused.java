package io.github.camelclaid.pipeline;

import io.github.camelclaid.client.ClaidException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * True when Claid takes no submissions from the account for now: it answered 402 (no API calls left), or the credit
 * circuit that 402 opened refused the call without sending it. Such an image has not failed; it must wait, so the
 * pipeline leaves it for a later poll (see {@link LeaveForLater}) instead of writing a failure report for every image
 * in the queue.
 */
public class SubmissionsRefused implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        // a doCatch asks before it has moved the exception aside, an onException after: look in both places
        Throwable caught = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (caught != null) {
            if (caught instanceof ClaidException claid) {
                return claid.getReason() == ClaidException.Reason.CIRCUIT_OPEN || claid.getStatusCode() == 402;
            }
            caught = caught.getCause();
        }
        return false;
    }
}
