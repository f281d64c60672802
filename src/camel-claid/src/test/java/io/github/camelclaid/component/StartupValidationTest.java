package io.github.camelclaid.component;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A mistake in a {@code claid:} URI stops the route from starting, with a message that names the mistake and how to
 * fix it, rather than failing on the first message (possibly hours later, or after a batch of paid calls). Nothing here
 * needs a Claid server: every check happens before a request could be made.
 *
 * <p>
 * {@link ClaidProducerIT} checks the operations option and the API key when a producer template starts an
 * endpoint; these tests check the same (and the rest) where a route definition meets them: at
 * {@code context.start()}, or when a route is added to a running context.
 */
class StartupValidationTest {

    private static final String KEY = "apiKey=startup-test-key";

    @Test
    void aValidUriStarts() throws Exception {
        try (CamelContext context = contextWith("claid:edit?" + KEY + "&operations=RAW({\"resizing\":{\"width\":100}})")) {
            context.start();
            assertThat(context.getRouteController().getRouteStatus("r")).isEqualTo(ServiceStatus.Started);
        }
    }

    @Test
    void anUnknownOperationNamesItAndListsTheOperations() {
        assertThat(startFailure("claid:foo?" + KEY))
                .contains("Unknown Claid operation 'foo'. Use one of: [edit, editAsync, editBatch, aiEdit");
    }

    @Test
    void aUriWithoutAnOperationSaysOneIsNeeded() {
        assertThat(startFailure("claid:?" + KEY))
                .contains("A Claid endpoint needs an operation, e.g. claid:edit. Use one of: [edit,");
    }

    @Test
    void anUnknownOptionIsNamedWithAHintToCheckItsSpelling() {
        assertThat(startFailure("claid:edit?" + KEY + "&colour=red"))
                .contains("Unknown parameters=[{colour=red}]")
                .contains("Check the uri if the parameters are spelt correctly");
    }

    @Test
    void operationsThatAreNotJsonSayHowToWriteThem() {
        assertThat(startFailure("claid:edit?" + KEY + "&operations=RAW({\"resizing\":)"))
                .contains("The operations option of claid:edit is not valid JSON: Unexpected end-of-input")
                .contains("Write it as RAW({...}) in a URI, or give a #bean reference.");
    }

    @Test
    void operationsThatBreakTheSchemaNameTheFieldAndTheRule() {
        assertThat(startFailure("claid:edit?" + KEY
                + "&operations=RAW({\"resizing\":{\"fit\":\"squash\"},\"adjustments\":{\"exposure\":150}})"))
                .contains("Invalid Claid operations option of claid:edit request (ImageOperations)")
                .contains("adjustments.exposure: must be <= 100")
                .contains("resizing.fit: must be one of [crop, cover, bounds, canvas, outpaint], not \"squash\"")
                .contains("Fix these fields; nothing was sent to Claid.");
    }

    @Test
    void operationsThatAreNotAnObjectSaySo() {
        assertThat(startFailure("claid:edit?" + KEY + "&operations=RAW([1])"))
                .contains("The operations option of claid:edit must be a JSON object, was: [1]");
    }

    @Test
    void aMissingApiKeySaysWhereToSetIt() throws Exception {
        try (CamelContext context = contextWith("claid:edit")) {
            context.getComponent("claid", ClaidComponent.class).setEnvironment(name -> null);
            assertThat(messages(catchThrowable(context::start)))
                    .contains("claid:edit needs an API key: set the environment variable CLAID_API_KEY (read by the"
                            + " component, so the key never appears in Camel's logs), or apiKey on the component"
                            + " (camel.component.claid.api-key) or the endpoint");
        }
    }

    @Test
    void withoutAnApiKeyOptionTheKeyComesFromTheEnvironment() throws Exception {
        try (CamelContext context = contextWith("claid:edit")) {
            context.getComponent("claid", ClaidComponent.class)
                    .setEnvironment(name -> ClaidComponent.API_KEY_VARIABLE.equals(name) ? "key-from-env" : null);
            context.start();
            ClaidEndpoint endpoint = context.getEndpoint("claid:edit", ClaidEndpoint.class);
            assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo("key-from-env");
            assertThat(endpoint.getEndpointUri()).doesNotContain("key-from-env");
        }
    }

    @Test
    void anApiKeyOptionWinsOverTheEnvironment() throws Exception {
        try (CamelContext context = contextWith("claid:edit?" + KEY)) {
            context.getComponent("claid", ClaidComponent.class).setEnvironment(name -> "key-from-env");
            context.start();
            assertThat(context.getEndpoint("claid:edit?" + KEY, ClaidEndpoint.class).getConfiguration().getApiKey())
                    .isEqualTo("startup-test-key");
        }
    }

    @Test
    void aConsumerInToAndAProducerInFromSayWhichWayRound() throws Exception {
        assertThat(startFailure("claid:tasks?" + KEY))
                .contains("claid:tasks reports tasks: use it in from(...)");
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("claid:edit?" + KEY).routeId("r").to("log:never");
                }
            });
            assertThat(messages(catchThrowable(context::start)))
                    .contains("claid:edit is a producer: use it in to(...). The consumers are claid:tasks and claid:webhook");
        }
    }

    @Test
    void aBadRouteAddedToARunningContextFailsThereAndTheContextKeepsRunning() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:late").routeId("late").to("claid:edit?" + KEY + "&operations=RAW({\"padding\":5})");
                }
            }));
            assertThat(messages(failure)).contains("padding: must be a string, not an integer");
            assertThat(context.getStatus()).isEqualTo(ServiceStatus.Started);
        }
    }

    /** A context with one route, direct:in to the URI; not started. */
    private static CamelContext contextWith(String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("r").to(uri);
            }
        });
        return context;
    }

    /** The messages of the exception starting a route to the URI throws, outermost first. */
    private static String startFailure(String uri) {
        try (CamelContext context = contextWith(uri)) {
            return messages(catchThrowable(context::start));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String messages(Throwable failure) {
        assertThat(failure).as("the route must not start").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return String.join("\n  caused by ", messages);
    }
}
