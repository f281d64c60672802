package io.github.camelclaid.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One {@link LocalPostgres} for a test class: started before its first test, stopped after its last. */
public final class LocalPostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        postgres = LocalPostgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public LocalPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL runs only between the class's first and last test");
        }
        return postgres;
    }
}
