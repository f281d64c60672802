package io.github.camelclaid.karaf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;

/** Bundles made with bnd, the tool behind Karaf's {@code wrap:} protocol and behind our own manifests. */
final class OsgiBundles {

    private OsgiBundles() {
    }

    /** A plain jar with the headers a {@code wrap:} location gives it. */
    static Path wrap(Path plainJar, Map<String, String> instructions, Path target) throws Exception {
        try (Jar jar = new Jar(plainJar.toFile()); Analyzer analyzer = new Analyzer()) {
            analyzer.setJar(jar);
            instructions.forEach(analyzer::setProperty);
            analyzer.setProperty("-nouses", "true");
            return write(jar, analyzer.calcManifest(), analyzer, target);
        }
    }

    /**
     * Plain jars as one bundle exporting {@code exports} at {@code version}, their own manifests dropped: a stand-in
     * for what Karaf provides with bundles of its own that cannot be had where this builds. Camel's jars must be one
     * bundle because they find each other's META-INF/services files through one class loader (Camel-Karaf's bundles
     * do that with its OSGi resolvers instead); files of the same name in several jars (type converter loader lists)
     * are joined, as a flat classpath would see them all.
     */
    static Path standIn(List<Path> jars, String symbolicName, String version, String exports, Path target)
            throws Exception {
        List<Jar> parts = new ArrayList<>();
        try (Jar merged = new Jar(symbolicName); Analyzer analyzer = new Analyzer()) {
            for (Path path : jars) {
                Jar part = new Jar(path.toFile());
                parts.add(part);
                for (Map.Entry<String, Resource> entry : part.getResources().entrySet()) {
                    String name = entry.getKey();
                    if (name.equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    Resource existing = merged.getResource(name);
                    merged.putResource(name, existing != null && name.startsWith("META-INF/services/")
                            ? joined(existing, entry.getValue()) : entry.getValue());
                }
            }
            analyzer.setJar(merged);
            analyzer.setProperty("Bundle-SymbolicName", symbolicName);
            analyzer.setProperty("Bundle-Version", version);
            analyzer.setProperty("Export-Package", exports + ";version=" + version);
            analyzer.setProperty("Import-Package", "*;resolution:=optional");
            analyzer.setProperty("-nouses", "true");
            return write(merged, analyzer.calcManifest(), analyzer, target);
        } finally {
            for (Jar part : parts) {
                part.close();
            }
        }
    }

    /** A bundle of the test classes in one package, importing whatever they use. */
    static Path ofPackage(Path classes, String packageName, Path target) throws Exception {
        try (Builder builder = new Builder()) {
            builder.addClasspath(classes.toFile());
            builder.setProperty("Bundle-SymbolicName", packageName);
            builder.setProperty("Bundle-Version", "1.0.0");
            builder.setProperty("Private-Package", packageName);
            builder.setProperty("Import-Package", "*");
            Jar jar = builder.build();
            check(builder);
            jar.write(target.toFile());
            return target;
        }
    }

    private static Path write(Jar jar, Manifest manifest, Analyzer analyzer, Path target) throws Exception {
        check(analyzer);
        jar.setManifest(manifest);
        jar.write(target.toFile());
        return target;
    }

    private static void check(aQute.bnd.osgi.Processor processor) {
        if (!processor.getErrors().isEmpty()) {
            throw new IllegalStateException("bnd: " + processor.getErrors());
        }
    }

    private static Resource joined(Resource first, Resource second) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream a = first.openInputStream(); InputStream b = second.openInputStream()) {
            a.transferTo(out);
            out.write('\n');
            b.transferTo(out);
        } catch (Exception e) {
            throw new IOException(e);
        }
        return new EmbeddedResource(out.toByteArray(), 0L);
    }
}
