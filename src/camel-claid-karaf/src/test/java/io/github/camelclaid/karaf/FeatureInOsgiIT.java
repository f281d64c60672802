package io.github.camelclaid.karaf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelclaid.karaf.probe.ClaidRoutesProbe;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles of features.xml, exactly as listed (the {@code wrap:} ones wrapped with their instructions), installed
 * into an OSGi framework (Apache Felix) beside a stand-in for Camel-Karaf's camel-core and camel-jackson features and
 * the Jackson and SLF4J bundles Karaf provides; every bundle must resolve and start, and claid: routes run from a
 * bundle that sees camel-claid only through its manifest, against the local Claid server over real HTTP.
 *
 * <p>Not Karaf itself: Camel-Karaf's features for Camel 4.18 cannot be had where this builds, so the stand-in is Camel's
 * own jars wrapped as one bundle. What this shows is that our manifests import what the code needs, at versions the
 * Camel 4.18 and Jackson 2 bundles export, and that the feature lists every bundle our code reaches.
 */
class FeatureInOsgiIT {

    static final String KEY = "osgi-key-5c1e8d";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(60)));

    @TempDir
    Path work;

    Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, work.resolve("felix-cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void theFeaturesBundlesResolveStartAndRunClaidRoutes() throws Exception {
        BundleContext osgi = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path bundle : karafProvided()) {
            installed.add(osgi.installBundle(bundle.toUri().toString()));
        }
        for (FeaturesFile.FeatureBundle listed : FeaturesFile.read(FeaturesFile.built()).bundles()) {
            Path jar = TestClasspath.jar(listed.fileName());
            if (listed.wrapped()) {
                jar = OsgiBundles.wrap(jar, listed.wrapInstructions(), work.resolve("wrapped-" + listed.fileName()));
            }
            installed.add(osgi.installBundle(jar.toUri().toString()));
        }
        Bundle probe = osgi.installBundle(OsgiBundles.ofPackage(Path.of("target/test-classes"),
                ClaidRoutesProbe.class.getPackageName(), work.resolve("probe.jar")).toUri().toString());
        installed.add(probe);

        for (Bundle bundle : installed) {
            bundle.start(); // throws, naming the missing requirement, if the bundle does not resolve
        }
        assertThat(installed).allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));

        @SuppressWarnings("unchecked")
        Function<Map<String, String>, Map<String, Object>> routes = (Function<Map<String, String>, Map<String, Object>>)
                probe.loadClass(ClaidRoutesProbe.class.getName()).getDeclaredConstructor().newInstance();
        Map<String, Object> seen = routes.apply(Map.of("apiKey", KEY, "baseUrl", claid.baseUrl()));

        assertThat(seen.get("componentBundle")).isEqualTo("io.github.camelclaid.camel-claid");
        assertThat(seen.get("editWidth")).isEqualTo(100);
        assertThat((Integer) seen.get("editBytes")).isPositive();
        assertThat(seen.get("taskId")).isNotNull();
        assertThat(seen.get("reportedStatus")).isEqualTo("DONE");
    }

    /**
     * What a Karaf with Camel-Karaf's camel-core and camel-jackson features gives a bundle: Camel 4.18, Jackson 2 and
     * SLF4J 2 (pax-logging's, in Karaf; here slf4j-api without its ServiceLoader extender requirement).
     */
    private List<Path> karafProvided() throws Exception {
        List<Path> bundles = new ArrayList<>();
        bundles.add(OsgiBundles.standIn(TestClasspath.jars(TestClasspath.inGroup("org/apache/camel")),
                "camel-karaf-stand-in", versionOf("camel-api"), "org.apache.camel.*", work.resolve("camel.jar")));
        bundles.addAll(TestClasspath.jars(TestClasspath.inGroup("com/fasterxml/jackson/core")));
        bundles.add(OsgiBundles.standIn(TestClasspath.jars(p -> p.getFileName().toString().startsWith("slf4j-api-")),
                "pax-logging-stand-in", versionOf("slf4j-api"), "org.slf4j.*", work.resolve("slf4j.jar")));
        return bundles;
    }

    private static String versionOf(String artifactId) {
        return TestClasspath.jars(p -> p.getFileName().toString().startsWith(artifactId + "-")).stream()
                .map(p -> p.getFileName().toString().replaceFirst("^" + artifactId + "-(.*)\\.jar$", "$1"))
                .findFirst().orElseThrow(() -> new AssertionError(artifactId + " is not on the test classpath"));
    }
}
