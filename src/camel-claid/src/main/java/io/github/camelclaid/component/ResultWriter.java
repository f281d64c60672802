package io.github.camelclaid.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.Download;
import io.github.camelclaid.client.RateLimitInfo;
import io.github.camelclaid.client.model.HasOutputs;
import io.github.camelclaid.client.model.ImageObject;
import io.github.camelclaid.client.model.TaskResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.FileInputStreamCache;

/**
 * Writes Claid's answer onto the message: the headers of the contract, and the typed answer or the output's content
 * (a re-readable stream: see {@link #downloadedBody}).
 */
final class ResultWriter {

    private final ClaidClient client;
    private final ClaidConfiguration configuration;

    ResultWriter(ClaidEndpoint endpoint) {
        this.client = endpoint.client();
        this.configuration = endpoint.getConfiguration();
    }

    /**
     * Puts the outputs' locations and the first output's metadata in headers; then either the typed answer becomes the
     * body, or, with downloadOutput and a temporary URL, the first output's bytes do.
     */
    CompletableFuture<Void> deliver(Exchange exchange, ClaidOperations op, Object data) {
        Message out = exchange.getMessage();
        if (!(data instanceof HasOutputs)) {
            out.setBody(data);
            return CompletableFuture.completedFuture(null);
        }
        HasOutputs result = (HasOutputs) data;
        ImageObject first = result.outputs().isEmpty() ? null : result.outputs().get(0);
        return deliverOutput(exchange, data, first, downloadOutput(op), data);
    }

    /**
     * Puts all outputs' locations, and one output's location and metadata, in headers; the body becomes
     * {@code body}, or, with {@code download} and a temporary URL, that output's bytes (the whole answer then goes in
     * the CamelClaidResponse header).
     */
    CompletableFuture<Void> deliverOutput(Exchange exchange, Object data, ImageObject output, boolean download,
            Object body) {
        Message out = exchange.getMessage();
        List<String> locations = ((HasOutputs) data).outputLocations();
        out.setHeader(ClaidConstants.OUTPUT_URLS, locations);
        out.setHeader(ClaidConstants.OUTPUT_URL, output != null ? output.location()
                : locations.isEmpty() ? null : locations.get(0));
        if (output != null) {
            out.setHeader(ClaidConstants.OUTPUT_FORMAT, output.format());
            out.setHeader(ClaidConstants.OUTPUT_WIDTH, output.width());
            out.setHeader(ClaidConstants.OUTPUT_HEIGHT, output.height());
        }
        if (!download || output == null || output.tmpUrl() == null || output.tmpUrl().isEmpty()) {
            out.setBody(body);
            return CompletableFuture.completedFuture(null);
        }
        return client.download(output.tmpUrl()).thenAccept(fetched -> {
            out.setHeader(ClaidConstants.RESPONSE, data);
            out.setHeader(Exchange.CONTENT_TYPE,
                    fetched.contentType() != null ? fetched.contentType() : output.mime());
            out.setBody(downloadedBody(exchange, fetched));
        });
    }

    /**
     * The body of a downloaded output: a small one's bytes, as they were read into memory; a larger one as a
     * {@link StreamCache} over the temporary file the client streamed it into, which Camel can read again at every
     * step. Camel's stream cache owns the file from here, as it owns the files of its own stream caching: it deletes it
     * once this exchange and every exchange that copied the body (wireTap, multicast, an aggregation) are done. The
     * stream converts to {@code byte[]} on request ({@code convertBodyTo(byte[].class)}), which is the only step that
     * would hold a large output whole in memory.
     */
    private static Object downloadedBody(Exchange exchange, Download fetched) {
        if (fetched.inMemory()) {
            return fetched.bytes();
        }
        try {
            // the public constructor is the only way to put an existing file under Camel's stream cache; copy() is
            // what registers this exchange with the file's reference count
            return new FileInputStreamCache(fetched.file().toFile()).copy(exchange);
        } catch (IOException e) {
            fetched.close();
            throw new UncheckedIOException("Cannot read the downloaded output " + fetched.file(), e);
        }
    }

    /** Whether outputs are downloaded for this operation: as configured, by default only for edit. */
    boolean downloadOutput(ClaidOperations op) {
        Boolean configured = configuration.getDownloadOutput();
        return configured != null ? configured : op == ClaidOperations.edit;
    }

    static void setResponseHeaders(Message out, ClaidResponse<?> response) {
        if (response.requestId() != null) {
            out.setHeader(ClaidConstants.REQUEST_ID, response.requestId());
        }
        RateLimitInfo rateLimit = response.rateLimit();
        if (rateLimit != null) {
            out.setHeader(ClaidConstants.RATE_LIMIT_REMAINING, rateLimit.remaining());
            out.setHeader(ClaidConstants.RATE_LIMIT_RESET, rateLimit.resetSeconds());
            out.setHeader(ClaidConstants.RATE_LIMIT_LIMIT, rateLimit.limit());
        }
    }

    static void setTaskHeaders(Message out, ClaidResponse<TaskResult> response) {
        out.setHeader(ClaidConstants.TASK_ID, response.data().id());
        out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(response.data().status()));
    }
}
