package io.github.camelclaid.examples.bucket;

import org.apache.camel.main.Main;

/**
 * Runs {@link BucketEditRoutes} on Camel Main. Settings are in {@code application.properties}; the Claid API key
 * comes from {@code CLAID_API_KEY}, the AWS credentials from wherever the AWS SDK finds them.
 */
public final class BucketEditApp {

    private BucketEditApp() {
    }

    public static void main(String[] args) throws Exception {
        newMain().run(args);
    }

    /** The application, not started: the test starts the same one with the addresses overridden. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new BucketEditRoutes());
        return main;
    }
}
