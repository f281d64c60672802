package io.github.camelclaid.testserver;

import java.time.Duration;
import java.util.Objects;

/**
 * The probabilities of {@link Faults#randomly random mode}: each API request (not a {@code tmp_url} download) gets at
 * most one fault, drawn independently per request; each task submission that got no other fault ends in ERROR with
 * {@link #taskError}; each webhook notification is duplicated and/or forged with its own probability.
 *
 * @param rateLimitStorm  a 429 storm begins at this request
 * @param stormLength     how many requests in a row a storm answers 429 (this one included)
 * @param status500       Claid's flat 500 envelope
 * @param status502       a gateway's 502 page
 * @param status503       a gateway's 503 page
 * @param dropBefore      the connection closed before acting on the request
 * @param dropAfter       the connection closed after acting on the request
 * @param slowAnswer      the answer (and the acting on the request) delayed by {@link #delay}
 * @param delay           the delay of a slow answer: set it past the client's response timeout
 * @param malformedJson   the request acted on, the JSON answer cut in half
 * @param taskError       a task submission's task ends in ERROR
 * @param webhookDuplicated a notification is delivered twice
 * @param webhookForged   a notification is signed with the wrong secret
 * @param everyKindFirst  before drawing at random, inject each kind once, in the order of {@link InjectedFault} (the
 *                        task ERROR on the first task submission without a fault, then the first webhook duplicated
 *                        and the second forged): a short run still meets every kind, whatever the seed
 */
public record FaultMix(double rateLimitStorm, int stormLength, double status500, double status502, double status503,
        double dropBefore, double dropAfter, double slowAnswer, Duration delay, double malformedJson,
        double taskError, double webhookDuplicated, double webhookForged, boolean everyKindFirst) {

    public FaultMix {
        Objects.requireNonNull(delay, "delay");
        if (stormLength < 1) {
            throw new IllegalArgumentException("A storm lasts at least one request, not " + stormLength);
        }
        double requestFaults = rateLimitStorm + status500 + status502 + status503 + dropBefore + dropAfter
                + slowAnswer + malformedJson;
        if (requestFaults > 1 || taskError > 1 || webhookDuplicated > 1 || webhookForged > 1 || requestFaults < 0) {
            throw new IllegalArgumentException("Probabilities must add up to at most 1 per request: " + requestFaults);
        }
    }
}
