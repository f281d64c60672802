package io.github.camelclaid.testserver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The configuration a {@link LocalClaidServer.Builder} collected; fixed for the server's life. */
record ServerSettings(String apiKey, int port, Duration acceptedFor, Duration processingFor, Duration processingSpread,
        long randomSeed, PixelSize defaultInputSize, int batchFolderSize, long outputSize, RateLimitBudget rateLimit,
        boolean rateLimitStatusPolls, boolean rateLimitHeaders, WebhookDispatcher.Target webhook,
        WebhookSignatureStyle webhookSignatureStyle, Duration webhookTimeout, double webhookTimeScale, S3Endpoint s3Endpoint, List<StoragePreset> storages) {

    ServerSettings {
        storages = List.copyOf(storages);
    }

    /** An S3-compatible endpoint backing the {@code s3} storages; region us-east-1, path-style addressing. */
    record S3Endpoint(URI endpoint, String accessKey, String secretKey) {
    }

    /** An {@code s3} storage connected from the start (and again after each reset). */
    record StoragePreset(String name, String bucket, String path) {
    }
}
