package io.github.camelclaid.support;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started {@link CamelContext} with Camel Main's platform-http server (Vert.x) listening on 127.0.0.1 only, on a
 * port the system picks, for each test; stopped after it. Register with
 * {@code @RegisterExtension LoopbackPlatformHttp http = LoopbackPlatformHttp.create();}.
 * <p>
 * No {@code org.apache.camel.main.Main} is needed: the server Camel Main would create for {@code camel.server.*}
 * properties is a {@link MainHttpServer} service, which a plain context can be given directly, see
 * {@link #install(CamelContext, Long)}.
 */
public final class LoopbackPlatformHttp implements BeforeEachCallback, AfterEachCallback {

    /** The only interface tests bind. */
    public static final String HOST = "127.0.0.1";

    private final Long maxBodySize;
    private CamelContext context;
    private MainHttpServer server;

    private LoopbackPlatformHttp(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** With the server's default body limit (Vert.x's BodyHandler default, 10 MiB). */
    public static LoopbackPlatformHttp create() {
        return new LoopbackPlatformHttp(null);
    }

    /** With {@code camel.server.maxBodySize}: larger bodies are answered 413 by the server, before any route. */
    public static LoopbackPlatformHttp withMaxBodySize(long bytes) {
        return new LoopbackPlatformHttp(bytes);
    }

    /**
     * Gives a context that is not started yet the HTTP server Camel Main would give it for
     * {@code camel.server.enabled=true}, bound to 127.0.0.1 on a port the system picks; the context starts and stops
     * it. Read the port with {@link #port(MainHttpServer)} once the context has started.
     */
    public static MainHttpServer install(CamelContext context, Long maxBodySize) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost(HOST);
        // 0: the system picks a free port when the server binds, so no other process can take it in between
        server.setPort(0);
        if (maxBodySize != null) {
            server.setMaxBodySize(maxBodySize);
        }
        // as Camel Main does: started with the context, before any route, and stopped with it
        context.addService(server, true, true);
        return server;
    }

    /** The port the server actually listens on (the configured one is 0). */
    public static int port(MainHttpServer server) {
        return server.getRouter().getServer().getPort();
    }

    @Override
    public void beforeEach(ExtensionContext extensionContext) throws Exception {
        context = new DefaultCamelContext();
        server = install(context, maxBodySize);
        context.start();
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        if (context != null) {
            // stops the HTTP server and the Vert.x instance it created
            context.stop();
            context = null;
            server = null;
        }
    }

    /** The started context. */
    public CamelContext context() {
        return context;
    }

    /** The server as Camel Main would have configured it. */
    public MainHttpServer server() {
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return port(server);
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("http://" + HOST + ":" + port() + path);
    }
}
