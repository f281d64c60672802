package io.github.camelclaid.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The S3Proxy server jar this module carries inside itself, as a resource and never on the classpath: its Jetty,
 * Jackson 3 and cloud SDKs would clash with Camel's. A user adds only {@code camel-claid-test-server}; the first
 * {@link LocalS3Server} of a version unpacks the jar once into the temporary directory, where later ones (in this JVM
 * or another) find it.
 */
final class S3ProxyJar {

    private static final String RESOURCE_DIR = "/io/github/camelclaid/s3/";
    private static final String VERSION_RESOURCE = RESOURCE_DIR + "s3proxy.properties";

    private S3ProxyJar() {
    }

    /** The jar on disk, unpacked on first use. */
    static synchronized Path unpacked() {
        String name = "s3proxy-" + version() + "-jar-with-dependencies.jar";
        URL resource = S3ProxyJar.class.getResource(RESOURCE_DIR + name);
        if (resource == null) {
            throw new IllegalStateException("The S3Proxy jar " + name + " is missing from camel-claid-test-server's jar; "
                    + "rebuild the module (./mvnw -pl src/camel-claid-test-server install) or give "
                    + "LocalS3Server.Builder.serversDir a directory holding " + LocalS3Server.JAR_NAME);
        }
        try {
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "camel-claid", name);
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                connection.getInputStream().close();
                return target;
            }
            Files.createDirectories(target.getParent());
            // another JVM may unpack at the same moment: each writes its own file and moves it into place whole
            Path partial = Files.createTempFile(target.getParent(), name, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the S3Proxy jar into the temporary directory", e);
        }
    }

    private static String version() {
        try (InputStream in = S3ProxyJar.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " is missing from camel-claid-test-server's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
