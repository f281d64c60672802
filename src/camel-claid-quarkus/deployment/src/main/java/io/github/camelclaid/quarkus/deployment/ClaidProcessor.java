package io.github.camelclaid.quarkus.deployment;

import java.util.Collection;
import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBundleBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;

/**
 * What the claid component needs from a Quarkus build. In JVM mode only the feature and the indexes matter; the rest
 * is what a native image cannot find out by itself: the classes Jackson reads and writes by reflection, and the
 * resources read from the classpath at run time.
 */
class ClaidProcessor {

    static final String FEATURE = "camel-claid";

    /**
     * Every class Jackson binds: Claid's requests and answers. The component's other JSON (task ledger lines and rows,
     * error bodies, webhook deliveries before they become a TaskResult) is read and written as trees, which need no
     * reflection.
     */
    static final String MODEL_PACKAGE = "io.github.camelclaid.client.model";

    /** Claid's request and response schemas, copied into claid-client and read once by ClaidSchemas. */
    static final String CLAID_SCHEMAS = "io/github/camelclaid/client/claid-api-schemas.json";

    /** The component's option metadata, read by Camel's catalog, dev consoles and endpoint validation. */
    static final String COMPONENT_METADATA = "META-INF/io/github/camelclaid/component/claid.json";

    /**
     * Apache HttpClient 5's public suffix list: its default hostname verifier loads it on the first HTTPS connection
     * to Claid, and without it treats every host as unknown.
     */
    static final String PUBLIC_SUFFIX_LIST = "org/publicsuffix/list/effective_tld_names.dat";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Neither jar is an extension: indexing them puts their classes in the combined index (the model classes below)
     * and makes them application archives, where Camel Quarkus looks for the component's
     * META-INF/services/org/apache/camel entries.
     */
    @BuildStep
    void indexDependencies(BuildProducer<IndexDependencyBuildItem> indexed) {
        indexed.produce(new IndexDependencyBuildItem("io.github.camelclaid", "claid-client"));
        indexed.produce(new IndexDependencyBuildItem("io.github.camelclaid", "camel-claid"));
    }

    /**
     * Registered in every build, not only native ones: the step is cheap, and a JVM-mode test can then check that no
     * model class is missing (ClaidReflectionTest), since no native image can be built where the tests run.
     */
    @BuildStep
    ReflectiveClassBuildItem modelClasses(CombinedIndexBuildItem combinedIndex) {
        String[] models = modelClassNames(combinedIndex.getIndex().getKnownClasses());
        // constructors for the classes Jackson creates, methods for getters, setters and record accessors, fields for
        // the @JsonProperty fields of the request classes
        return ReflectiveClassBuildItem.builder(models).constructors().methods().fields().build();
    }

    static String[] modelClassNames(Collection<ClassInfo> known) {
        return known.stream()
                .map(c -> c.name().toString())
                .filter(name -> name.equals(MODEL_PACKAGE) || name.startsWith(MODEL_PACKAGE + "."))
                .sorted()
                .toArray(String[]::new);
    }

    @BuildStep
    void resources(BuildProducer<NativeImageResourceBuildItem> resources,
            BuildProducer<NativeImageResourcePatternsBuildItem> patterns,
            BuildProducer<NativeImageResourceBundleBuildItem> bundles) {
        resources.produce(new NativeImageResourceBuildItem(List.of(CLAID_SCHEMAS, COMPONENT_METADATA,
                PUBLIC_SUFFIX_LIST)));
        // The networknt validator ships a native-image resource-config of its own; these repeat what ClaidSchemas
        // relies on, so the image does not depend on that file being honoured: the 2020-12 meta-schemas Claid's
        // schemas are written in, and the message bundle each violation is worded from.
        patterns.produce(NativeImageResourcePatternsBuildItem.builder().includeGlob("draft/2020-12/**").build());
        bundles.produce(new NativeImageResourceBundleBuildItem("jsv-messages"));
    }

    /** Claid is reached over HTTPS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }
}
