package io.github.camelclaid.client;

import java.nio.file.Path;

/**
 * How an answer's body may be held: in memory up to {@code inMemoryBytes}, past that in a temporary file in
 * {@code spoolDirectory}, and never past {@code maxBytes} in all.
 *
 * @param maxBytes       the largest body accepted; a larger one fails the call, never retried
 * @param inMemoryBytes  the largest body kept in memory; equal to {@code maxBytes} for answers never spooled
 * @param spoolDirectory where spooled bodies go; null for the JVM's temporary directory
 * @param limitName      the setting that raises {@code maxBytes}, named in the error when a body is too large; null
 *                       when no setting does
 */
record AnswerLimits(long maxBytes, long inMemoryBytes, Path spoolDirectory, String limitName) {

    /** JSON answers, held in memory and never spooled. */
    static AnswerLimits inMemory(long maxBytes) {
        return new AnswerLimits(maxBytes, maxBytes, null, null);
    }
}
