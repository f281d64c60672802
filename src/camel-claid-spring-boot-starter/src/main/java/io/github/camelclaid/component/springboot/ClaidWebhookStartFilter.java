package io.github.camelclaid.component.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.camelclaid.component.ClaidEndpoint;
import io.github.camelclaid.component.ClaidOperations;
import io.github.camelclaid.component.ClaidWebhookConsumer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;

/**
 * Answers 503 (deliver again) to a delivery for a {@code claid:webhook} path that no started route serves. Spring
 * Boot starts its web server before Camel starts the routes (and warming them up starts every producer, which can take
 * seconds), and stops it after Camel has stopped them; meanwhile the server would answer 404 for the path, and Claid
 * does not deliver again after a 4xx, so a notification arriving as the application restarts would be lost. The
 * paths are those of the webhook routes Camel has, and, until Camel has started, the component's
 * {@code camel.component.claid.webhook-path}: in an application without a webhook route it is nobody's path once Camel
 * runs. What Camel Main's Vert.x server gets from the consumer itself, for Spring Boot's servlet server.
 */
final class ClaidWebhookStartFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient CamelContext camelContext;
    private final String componentPath;

    ClaidWebhookStartFilter(CamelContext camelContext, String componentWebhookPath) {
        this.camelContext = camelContext;
        this.componentPath = ClaidWebhookConsumer.path(componentWebhookPath);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && notServed(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", ClaidWebhookConsumer.NOT_SERVED_RETRY_AFTER);
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write(ClaidWebhookConsumer.NOT_SERVED_ANSWER.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean notServed(String path) {
        boolean aRouteOfThePath = false;
        for (Route route : camelContext.getRoutes()) {
            if (route.getEndpoint() instanceof ClaidEndpoint endpoint
                    && endpoint.getOperation() == ClaidOperations.webhook
                    && path.equals(ClaidWebhookConsumer.path(endpoint.getConfiguration().getWebhookPath()))) {
                ServiceStatus status = camelContext.getRouteController().getRouteStatus(route.getRouteId());
                if (status != null && status.isStarted()) {
                    return false;
                }
                aRouteOfThePath = true;
            }
        }
        return aRouteOfThePath || path.equals(componentPath) && !camelContext.getStatus().isStarted();
    }
}
