package io.github.camelclaid.quarkus.deployment;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image of an application using the component would be given, checked in a JVM build, since no native
 * image can be built here: every class of claid-client's model packages registered for reflection with constructors,
 * methods and fields (what Jackson needs to bind it), and the resources read at run time.
 *
 * <p>A build step added to the application's build chain collects the build items. It runs in the class loader that
 * builds the application, and the test method in the one QuarkusUnitTest loads the test class into, so what it saw
 * travels as system properties.
 */
class ClaidReflectionTest {

    static final String REFLECTIVE = "claid.test.reflective-classes";
    static final String RESOURCES = "claid.test.native-resources";
    static final String MODEL_CLASS = "io/github/camelclaid/client/model/TaskResult.class";

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = new QuarkusUnitTest()
            .withEmptyApplication()
            .setAfterAllCustomizer(() -> {
                System.clearProperty(REFLECTIVE);
                System.clearProperty(RESOURCES);
            })
            .addBuildChainCustomizer(ClaidReflectionTest::collectBuildItems);

    static void collectBuildItems(BuildChainBuilder chain) {
        chain.addBuildStep(context -> {
            System.setProperty(REFLECTIVE, joined(reflectiveForJackson(context)));
            System.setProperty(RESOURCES, joined(context.consumeMulti(NativeImageResourceBuildItem.class).stream()
                    .flatMap(item -> item.getResources().stream()).toList()));
            // a build step runs only when something consumes what it produces
            context.produce(new FeatureBuildItem("claid-build-items-probe"));
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                .produces(FeatureBuildItem.class).build();
    }

    /** The classes registered with all Jackson needs: constructors to create, methods and fields to bind. */
    static List<String> reflectiveForJackson(BuildContext context) {
        return context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                .filter(item -> item.isConstructors() && item.isMethods() && item.isFields())
                .flatMap(item -> item.getClassNames().stream())
                .toList();
    }

    @Test
    void everyModelClassIsRegisteredForReflection() throws Exception {
        Set<String> modelClasses = modelClassesInClaidClientJar();
        // the packages are those of requests, answers and task statuses; a handful at least, nested classes included
        assertThat(modelClasses).contains("io.github.camelclaid.client.model.TaskResult",
                "io.github.camelclaid.client.model.ImageObject",
                "io.github.camelclaid.client.model.TaskStatus",
                "io.github.camelclaid.client.model.request.EditRequest",
                "io.github.camelclaid.client.model.request.ImageOperations");

        assertThat(split(System.getProperty(REFLECTIVE))).containsAll(modelClasses);
    }

    @Test
    void theResourcesReadAtRunTimeAreIncludedInANativeImage() {
        assertThat(split(System.getProperty(RESOURCES))).contains(ClaidProcessor.CLAID_SCHEMAS,
                ClaidProcessor.COMPONENT_METADATA, ClaidProcessor.PUBLIC_SUFFIX_LIST);
    }

    /**
     * Read from the jar (or classes folder) itself rather than from Quarkus' index, so a class the index missed is
     * caught too.
     */
    static Set<String> modelClassesInClaidClientJar() throws IOException, URISyntaxException {
        URL url = ClassLoader.getSystemClassLoader().getResource(MODEL_CLASS);
        assertThat(url).as("claid-client on the test class path").isNotNull();
        Function<String, String> className = entry -> entry.substring(0, entry.length() - ".class".length())
                .replace('/', '.');
        if ("jar".equals(url.getProtocol())) {
            try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                return jar.stream().map(e -> e.getName())
                        .filter(name -> name.startsWith("io/github/camelclaid/client/model/") && name.endsWith(".class"))
                        .map(className).collect(Collectors.toCollection(TreeSet::new));
            }
        }
        Path classFile = Path.of(url.toURI());
        Path root = classFile.getParent().getParent().getParent().getParent().getParent().getParent();
        try (Stream<Path> files = Files.walk(classFile.getParent())) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .map(className).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static String joined(Collection<String> names) {
        return String.join(",", new TreeSet<>(names));
    }

    static Set<String> split(String joined) {
        assertThat(joined).as("the probe build step ran").isNotNull();
        return new TreeSet<>(Arrays.asList(joined.split(",")));
    }
}
