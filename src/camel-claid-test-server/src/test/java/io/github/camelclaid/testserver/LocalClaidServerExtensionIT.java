package io.github.camelclaid.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension on a static field: one server for the class, reset between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClaidServerExtensionIT {

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(
            LocalClaidServer.builder().apiKey("ext-key").processingFor(Duration.ofMillis(10)));

    private static String firstBaseUrl;

    @Test
    @Order(1)
    void aTestLeavesState(LocalClaidServer server) {
        assertSame(CLAID.server(), server, "the server is also a parameter");
        firstBaseUrl = server.baseUrl();
        new TestHttp(server).post("/v1/image/generate", "{\"input\":\"a cat\"}");
        server.faults().next(1).status(500).onAny();
        assertEquals(1, server.paidSubmissionCount());
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSameServerReset(LocalClaidServer server) {
        assertEquals(firstBaseUrl, server.baseUrl());
        assertEquals("ext-key", server.apiKey());
        assertEquals(0, server.requests().size());
        assertEquals(0, server.paidSubmissionCount());
        assertEquals(0, server.faults().armed());
    }
}
