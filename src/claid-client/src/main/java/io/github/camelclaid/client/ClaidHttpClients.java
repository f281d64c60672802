package io.github.camelclaid.client;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** The HTTP client that calls to Claid go over. */
public final class ClaidHttpClients {

    /**
     * The client's I/O threads. They only move bytes, without blocking (exchanges continue on other threads), and
     * calls to Claid are few, so two carry them; the client's default, one per processor, gave a 32-core host 32.
     */
    static final int IO_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private ClaidHttpClients() {
    }

    /**
     * An HTTP client set up for Claid: pooled, no automatic retries (the {@link ClaidClient} retries by its own rules,
     * which depend on whether Claid may have acted) and no redirects (an API key must not follow a redirect
     * elsewhere). Several {@code ClaidClient}s may share one; whoever creates it starts and closes it.
     */
    public static CloseableHttpAsyncClient create(Duration connectTimeout, int maxConnections) {
        return HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(IO_THREADS).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                // no wire logging: at DEBUG it prints each request's bytes, the bearer token among them; the headers
                // are still logged, with the key masked (BearerHeader)
                .setIoSessionDecorator(session -> session)
                .build();
    }
}
