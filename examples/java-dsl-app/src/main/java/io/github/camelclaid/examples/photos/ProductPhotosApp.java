package io.github.camelclaid.examples.photos;

import org.apache.camel.main.Main;

/**
 * Enhances the photos of a product catalogue with Claid: CSV feeds of {@code sku,image_url} dropped into a folder
 * become Claid async tasks, and every finished task becomes an image (or a failure note) named by its SKU.
 *
 * <p>
 * Settings are in {@code application.properties}; the Claid API key comes from {@code CLAID_API_KEY}.
 */
public final class ProductPhotosApp {

    private ProductPhotosApp() {
    }

    public static void main(String[] args) throws Exception {
        newMain().run(args);
    }

    /** The application, not started: the test starts the same one with a few settings overridden. */
    public static Main newMain() {
        Main main = new Main();
        // an instance, not the class: Camel Main 4.18 runs the @BindToRegistry methods of a configuration class it
        // creates itself twice, and the second file ledger would find the file locked by the first
        main.configure().addConfiguration(new TaskLedgerConfiguration());
        main.configure().addRoutesBuilder(new ProductPhotoRoutes());
        return main;
    }
}
