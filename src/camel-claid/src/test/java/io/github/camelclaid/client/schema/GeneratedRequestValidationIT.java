package io.github.camelclaid.client.schema;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.AsyncFailures;
import io.github.camelclaid.client.ClaidRequestInvalidException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.RetryPolicy;
import io.github.camelclaid.client.SchemaViolation;
import io.github.camelclaid.testserver.LocalClaidServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of request validation with bodies generated from Claid's own request schemas, for every
 * operation that takes a body (eleven operations, eleven schemas: every request schema {@link ApiOperation} names).
 *
 * <p>
 * Hand-written examples test the fields someone thought of. These walk the schemas instead: {@link ValidBodies}
 * builds bodies that satisfy a schema, {@link Mutations} breaks one at a known place in one of eight ways (number out
 * of range, wrong enum value, unknown member, wrong type, string too long, too short, not a URI or a storage:// URI
 * without a storage, missing required member), and two properties must hold:
 * <ul>
 * <li>a broken body is refused by {@link ClaidClient} before any HTTP request (the future has failed when the call
 * returns, and the server has seen no request), with a {@link ClaidRequestInvalidException} that names the broken
 * field;</li>
 * <li>a valid body passes the client and is accepted (2xx) by the local server, which validates independently with
 * the same schemas plus Claid's rules outside them: so generator, client and server agree on what is valid.</li>
 * </ul>
 * "Names the broken field" means: a violation's path is the changed field (for an added or removed member, that
 * member), or lies inside it (a wrong-type array is judged by its items), or is a place above it where the value may
 * take several shapes (anyOf), which the validator names when the broken body no longer tells which shape is meant
 * ("scene: fits none of its shapes ... either scene.effect: is required, or scene.prompt: is required"). No violation
 * may be about any other field, and where the field itself is named, its message says which rule it broke.
 *
 * <p>
 * Whether a change broke the body is decided by {@link SchemaOracle}, not by the validator under test. Seeds are
 * fixed: every run tries the same bodies, and a failure report shows the body.
 */
class GeneratedRequestValidationIT {

    /** The operations with a request body; between them they use every request schema. */
    static final List<ApiOperation> WITH_BODY = Arrays.stream(ApiOperation.values())
            .filter(op -> op.requestSchema() != null).toList();

    private static final RequestSchemaDocument SCHEMAS = RequestSchemaDocument.get();
    private static final ValidBodies VALID = new ValidBodies(SCHEMAS);
    private static final SchemaOracle ORACLE = new SchemaOracle(SCHEMAS);
    private static final Mutations MUTATIONS = new Mutations(ORACLE);
    /** Not an image: the server accepts any bytes as an upload (of its default size), and so does Claid's API. */
    private static final byte[] UPLOAD = "stand-in image bytes".getBytes(StandardCharsets.UTF_8);

    private static LocalClaidServer server;
    private static ClaidClient client;

    record ValidCase(ApiOperation operation, ValidBodies.Body body) {
        @Override
        public String toString() {
            return operation + " " + body.json();
        }
    }

    record InvalidCase(ApiOperation operation, Mutations.Invalid invalid) {
        @Override
        public String toString() {
            return operation + " " + invalid;
        }
    }

    @BeforeContainer
    static void startServer() {
        // tasks end at once: the valid-body property only needs them accepted, not processed
        server = LocalClaidServer.builder().acceptedFor(Duration.ofMillis(1)).processingFor(Duration.ofMillis(1))
                .build().start();
        client = ClaidClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.NONE).build();
    }

    @AfterContainer
    static void stopServer() {
        client.close();
        server.close();
    }

    @Property(tries = 600, seed = "20260121")
    void everyInvalidBodyIsRefusedBeforeAnyRequestNamingTheBrokenField(@ForAll("invalidBodies") InvalidCase c) {
        Mutations.Invalid invalid = c.invalid();
        Statistics.label("operation").collect(c.operation());
        Statistics.label("mutation").collect(invalid.kind());
        long requestsBefore = server.requestCount(null, null);

        CompletableFuture<?> future = send(c.operation(), invalid.json(), 1L);

        // refused at once: validation runs before the request is handed to the HTTP client
        assertThat(future).as("%s", c).isCompletedExceptionally();
        Throwable failure = future.handle((ok, e) -> AsyncFailures.unwrap(e)).join();
        assertThat(failure).as("%s", c).isInstanceOf(ClaidRequestInvalidException.class);
        assertThat(server.requestCount(null, null)).as("requests after %s", c).isEqualTo(requestsBefore);

        ClaidRequestInvalidException e = (ClaidRequestInvalidException) failure;
        assertThat(e.getSchemaName()).isEqualTo(c.operation().requestSchema());
        // the rule: a violation names the changed field, or lies inside it (a wrong-type array is judged by its
        // items), or names a place above it where the value may take several shapes (anyOf, see Mutations.Invalid)
        String field = invalid.path().toString();
        List<SchemaViolation> aboutIt = e.getViolations().stream()
                .filter(v -> isAtOrInside(v.path(), field) || invalid.acceptable().contains(v.path())).toList();
        assertThat(aboutIt).as("violations of %s: %s", c, e.getMessage()).isNotEmpty();
        assertThat(e.getMessage()).contains(aboutIt.get(0).toString());
        // and nothing about unrelated fields
        for (SchemaViolation v : e.getViolations()) {
            assertThat(invalid.acceptable().stream().anyMatch(p -> isAtOrInside(v.path(), p)))
                    .as("%s is about another field than %s", v, c).isTrue();
        }
        boolean exact = aboutIt.stream().anyMatch(v -> v.path().equals(field));
        Statistics.label("named").collect(exact ? "the field itself"
                : aboutIt.stream().anyMatch(v -> isAtOrInside(v.path(), field)) ? "inside the field" : "an anyOf above it");
        if (exact) {
            assertMessageFits(invalid, e);
        }

        Statistics.label("operation").coverage(coverage -> WITH_BODY.forEach(op ->
                coverage.check(op).count(n -> n >= 10)));
        Statistics.label("mutation").coverage(coverage -> Arrays.stream(Mutations.Kind.values()).forEach(kind ->
                coverage.check(kind).count(n -> n >= 20)));
    }

    @Property(tries = 300, seed = "20260122")
    void everyValidBodyPassesTheClientAndTheLocalServer(@ForAll("validBodies") ValidCase c) {
        ObjectNode body = c.body().json();
        Statistics.label("operation").collect(c.operation());
        assertThat(ORACLE.accepts(c.body().schemaName(), body)).as("the generator made a valid body: %s", c).isTrue();

        server.reset();
        long storageId = client.createStorage(Map.of("name", ValidBodies.STORAGE, "type", "s3", "parameters",
                Map.of("bucket", "props-bucket", "credentials", Map.of("access_key", "AKID", "secret_access_key",
                        "secret")))).join().data().id();
        if (c.operation() == ApiOperation.CREATE_STORAGE) {
            // a new storage of the same name would be refused as a duplicate
            client.deleteStorage(storageId).join();
        }
        client.validated(c.operation(), body);

        ClaidResponse<?> response = send(c.operation(), body, storageId).join();

        assertThat(response.statusCode()).as("%s", c).isBetween(200, 299);
        Statistics.label("operation").coverage(coverage -> WITH_BODY.forEach(op ->
                coverage.check(op).count(n -> n >= 10)));
    }

    /**
     * The generators reach every schema the request schemas use (103 of them): a schema they never produce would be a
     * blind spot of both properties. Plain generation, no HTTP, so many bodies are cheap.
     */
    @Example
    void theGeneratorsReachEverySchemaTheRequestSchemasUse() {
        Set<String> reachable = new TreeSet<>();
        Set<String> generated = new TreeSet<>();
        Random random = new Random(20260123);
        for (ApiOperation op : WITH_BODY) {
            reachable.addAll(SCHEMAS.reachableFrom(op.requestSchema()));
            for (int i = 0; i < 400; i++) {
                VALID.generate(op.requestSchema(), random).sites().forEach(site -> {
                    String name = SCHEMAS.nameOf(site.schema());
                    if (name != null) {
                        generated.add(name);
                    }
                });
                generated.add(op.requestSchema());
            }
        }
        assertThat(generated).containsExactlyInAnyOrderElementsOf(reachable);
        assertThat(reachable).hasSizeGreaterThan(100);
    }

    @Provide
    Arbitrary<ValidCase> validBodies() {
        return Arbitraries.of(WITH_BODY).flatMap(op -> Arbitraries.randomValue(random ->
                new ValidCase(op, VALID.generate(op.requestSchema(), random))));
    }

    @Provide
    Arbitrary<InvalidCase> invalidBodies() {
        return Arbitraries.of(WITH_BODY).flatMap(op -> Arbitraries.randomValue(random ->
                new InvalidCase(op, MUTATIONS.mutate(VALID.generate(op.requestSchema(), random), random))))
                .filter(c -> c.invalid() != null);
    }

    /** Sends a body the way a caller would: the upload as multipart with image bytes, the rest as JSON. */
    private static CompletableFuture<? extends ClaidResponse<?>> send(ApiOperation op, JsonNode body, long id) {
        if (op == ApiOperation.EDIT_UPLOAD) {
            return client.editUpload(UPLOAD, "chair.jpg", "image/jpeg", body);
        }
        return client.call(op, op.hasIdParameter() ? id : null, body, JsonNode.class);
    }

    /** Where the field itself is named, the message says what kind of rule it broke. */
    private static void assertMessageFits(Mutations.Invalid invalid, ClaidRequestInvalidException e) {
        if (invalid.kind() == Mutations.Kind.WRONG_TYPE && invalid.shapes()) {
            return; // the new type may be another shape's, judged by that shape's rules
        }
        List<String> messages = e.getViolations().stream().filter(v -> v.path().equals(invalid.path().toString()))
                .map(SchemaViolation::message).toList();
        String expected = switch (invalid.kind()) {
            case OUT_OF_RANGE -> "must be [<>]=? -?[0-9.]+";
            case WRONG_ENUM -> "must be one of \\[.*";
            case UNKNOWN_PROPERTY -> "is not a known field";
            case WRONG_TYPE -> "must be (a|an) .*, not (a|an) .*";
            case TOO_LONG -> "must be at most [0-9]+ characters long";
            case TOO_SHORT -> "must be at least [0-9]+ characters long";
            case BAD_URI -> "must be a valid uri.*";
            case MISSING_REQUIRED -> "is required";
        };
        assertThat(messages).as("messages about %s", invalid).anyMatch(m -> m.matches(expected));
    }

    private static boolean isAtOrInside(String path, String ancestor) {
        return ancestor.isEmpty() || path.equals(ancestor) || path.startsWith(ancestor + ".")
                || path.startsWith(ancestor + "[");
    }
}
