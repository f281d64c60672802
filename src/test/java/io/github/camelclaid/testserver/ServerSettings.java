package io.github.camelclaid.testserver;

import java.time.Duration;

/** The configuration a {@link LocalClaidServer.Builder} collected; fixed for the server's life. */
record ServerSettings(String apiKey, int port, Duration acceptedFor, Duration processingFor, Duration processingSpread,
        long randomSeed, PixelSize defaultInputSize, int batchFolderSize, RateLimitBudget rateLimit,
        boolean rateLimitStatusPolls, WebhookDispatcher.Target webhook, WebhookSignatureStyle webhookSignatureStyle,
        Duration webhookTimeout, double webhookTimeScale) {
}
