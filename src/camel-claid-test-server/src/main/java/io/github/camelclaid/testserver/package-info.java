/**
 * A local, stateful, Claid-compatible HTTP server for tests of routes and clients that call Claid, and for the offline
 * demo; {@link io.github.camelclaid.testserver.LocalServers} runs it from the command line.
 *
 * <p>
 * Start one with {@link io.github.camelclaid.testserver.LocalClaidServer#builder()} (or let
 * {@link io.github.camelclaid.testserver.LocalClaidServerExtension} do it), point the client at
 * {@link io.github.camelclaid.testserver.LocalClaidServer#baseUrl()}, and inspect what it received with
 * {@code requests()}, {@code requestCount(method, pathPrefix)}, {@code paidSubmissions()}, {@code writtenObjects()}
 * and {@code webhookDeliveries()}.
 *
 * <h2>Real buckets</h2>
 * By default storage connectors are names only and input URLs are not fetched. Against a local S3 server (such as
 * {@link io.github.camelclaid.s3.LocalS3Server}) the server works as Claid does against AWS:
 *
 * <pre>{@code
 * LocalClaidServer.builder()
 *         .s3Endpoint(s3.endpoint(), s3.accessKey(), s3.secretKey()) // s3 storages are buckets there
 *         .s3Storage("incoming", "claid-incoming")                   // connected from the start
 *         .s3Storage("processed", "claid-processed")
 *         .build().start();
 * }</pre>
 *
 * A {@code storage://incoming/key} input is then read from the bucket (its real size used), outputs to
 * {@code storage://processed/folder/} are PUT into the bucket, and a batch's folder input is listed. Input URLs on
 * 127.0.0.1 or localhost (presigned URLs, say) are always fetched, with or without an endpoint. The storages' own
 * credentials are not checked. On the command line, {@code --s3-endpoint} (or {@code --start-s3}) and
 * {@code --storage incoming=claid-incoming} say the same; {@code --help} lists every setting.
 *
 * <h2>Making things go wrong</h2>
 * <table>
 * <caption>How to trigger each failure</caption>
 * <tr><th>Wanted</th><th>How</th></tr>
 * <tr><td>async task ends in ERROR</td><td>an input URL containing {@code fail}, or
 * {@code faults().next(n).taskEndsWith(TaskStatus.ERROR).on(...)}</td></tr>
 * <tr><td>unreadable input (sync: 400 {@code error_type "input"}, code 4011; async: ERROR)</td><td>an input URL on
 * 127.0.0.1 answering non-2xx or nothing; with an S3 endpoint, a {@code storage://} input whose object is missing</td></tr>
 * <tr><td>output the bucket refuses (sync: 400 {@code error_type "storage"}; async: ERROR)</td><td>with an S3
 * endpoint, an output to an {@code s3} storage whose bucket does not exist</td></tr>
 * <tr><td>CANCELLED / PAUSED</td><td>an input URL containing {@code cancel} / {@code pause}, or
 * {@code taskEndsWith(...)}</td></tr>
 * <tr><td>a task that never finishes</td><td>{@code taskEndsWith(TaskStatus.PROCESSING)}</td></tr>
 * <tr><td>a task that finishes only when the test says</td><td>an input URL containing {@code hold}, then
 * {@code releaseHeldTasks()}</td></tr>
 * <tr><td>error status (402, 403, 500, 502, 503, 504...)</td><td>{@code faults().next(n).status(code).on(...)}</td></tr>
 * <tr><td>429 storm</td><td>{@code faults().next(n).rateLimited()} or {@code rateLimited(retryAfter)}; or a small
 * {@link io.github.camelclaid.testserver.RateLimitBudget}</td></tr>
 * <tr><td>dropped connection</td><td>{@code faults().next(n).dropConnection()}</td></tr>
 * <tr><td>slow answer</td><td>{@code faults().next(n).delay(duration)}</td></tr>
 * <tr><td>truncated JSON</td><td>{@code faults().next(n).malformedJson()}</td></tr>
 * <tr><td>failure after Claid acted (no re-POST allowed)</td><td>{@code faults().next(n).afterProcessing()} then
 * {@code dropConnection()}, {@code status(502)} or {@code delay(...)}</td></tr>
 * <tr><td>duplicate / forged webhook</td><td>{@code faults().nextWebhooks(n).duplicated()} /
 * {@code withForgedSignature()}</td></tr>
 * <tr><td>webhook retries</td><td>a receiver answering 5xx, timing out or unreachable; shorten the 3/6/12 s schedule
 * with {@code webhookTimeScale(0.01)}</td></tr>
 * </table>
 */
package io.github.camelclaid.testserver;
