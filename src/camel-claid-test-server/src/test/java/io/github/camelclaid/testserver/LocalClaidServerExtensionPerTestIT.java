package io.github.camelclaid.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension on an instance field: every test gets a server of its own. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClaidServerExtensionPerTestIT {

    private static String firstBaseUrl;

    @RegisterExtension
    final LocalClaidServerExtension claid = new LocalClaidServerExtension();

    @Test
    @Order(1)
    void aTestRunsItsOwnServer() {
        firstBaseUrl = claid.baseUrl();
        claid.server().faults().next(1).status(500).onAny();
    }

    @Test
    @Order(2)
    void theNextTestGetsAFreshOne() {
        assertNotEquals(firstBaseUrl, claid.baseUrl());
        assertEquals(0, claid.server().faults().armed());
    }
}
