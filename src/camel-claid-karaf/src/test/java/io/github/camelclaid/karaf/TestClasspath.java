package io.github.camelclaid.karaf;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** The jars Maven resolved for this module's tests: the exact versions camel-claid is built and tested with. */
final class TestClasspath {

    private static final List<Path> ENTRIES = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of).toList();

    private TestClasspath() {
    }

    /** The jar named {@code artifactId-version.jar}: a bundle of the feature must be the one the build uses. */
    static Path jar(String fileName) {
        return ENTRIES.stream().filter(p -> p.getFileName().toString().equals(fileName) && Files.isRegularFile(p))
                .findFirst()
                .orElseThrow(() -> new AssertionError(fileName + " is not on camel-claid's classpath: features.xml names"
                        + " a version the build does not use (mvn dependency:tree shows the one it does)"));
    }

    static List<Path> jars(Predicate<Path> filter) {
        return ENTRIES.stream().filter(p -> p.toString().endsWith(".jar")).filter(filter).toList();
    }

    /** A jar from Maven's local repository under this group path, e.g. {@code org/apache/camel}. */
    static Predicate<Path> inGroup(String groupPath) {
        String marker = File.separator + groupPath.replace('/', File.separatorChar) + File.separator;
        return p -> p.toString().contains(marker);
    }
}
