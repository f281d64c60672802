package io.github.camelclaid.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Fails the exchange again with the failure just caught, so that the image is not recorded as handed to Claid and is
 * read again at a later poll. For failures that are about the account, not the image (a 402
 * {@link io.github.camelclaid.client.ClaidCreditsExhaustedException}, an open credit circuit).
 */
public class LeaveForLater implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception caught = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        throw caught != null ? caught : new IllegalStateException("left for a later poll");
    }
}
