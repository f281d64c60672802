package io.github.camelclaid.karaf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The camel-claid feature of the built features.xml: the features it needs and its bundles, read as Karaf reads them. */
record FeaturesFile(List<String> requiredFeatures, List<FeatureBundle> bundles) {

    static final String FEATURE = "camel-claid";

    /** The file this build attaches (the failsafe configuration names it). */
    static Path built() {
        String file = System.getProperty("claid.features.file");
        if (file == null) {
            throw new IllegalStateException("system property claid.features.file is not set: run through Maven");
        }
        return Path.of(file);
    }

    static FeaturesFile read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        NodeList features = document.getElementsByTagNameNS("*", "feature");
        for (int i = 0; i < features.getLength(); i++) {
            Element feature = (Element) features.item(i);
            if (FEATURE.equals(feature.getAttribute("name"))) {
                return of(feature);
            }
        }
        throw new IllegalStateException(file + " has no feature named " + FEATURE);
    }

    private static FeaturesFile of(Element feature) {
        List<String> required = new ArrayList<>();
        List<FeatureBundle> bundles = new ArrayList<>();
        for (Element child : children(feature)) {
            switch (child.getLocalName()) {
                case "feature" -> required.add(child.getTextContent().trim());
                case "bundle" -> bundles.add(FeatureBundle.parse(child.getTextContent().trim()));
                default -> { }
            }
        }
        return new FeaturesFile(required, bundles);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /**
     * One {@code <bundle>} line: {@code mvn:group/artifact/version}, or {@code wrap:mvn:...$Header=value&Header=value}
     * for a plain jar that Karaf turns into a bundle with those headers.
     */
    record FeatureBundle(String groupId, String artifactId, String version, Map<String, String> wrapInstructions) {

        static FeatureBundle parse(String location) {
            Map<String, String> instructions = null;
            String mvn = location;
            if (location.startsWith("wrap:")) {
                instructions = new LinkedHashMap<>();
                String rest = location.substring("wrap:".length());
                int dollar = rest.indexOf('$');
                mvn = dollar < 0 ? rest : rest.substring(0, dollar);
                if (dollar >= 0) {
                    for (String pair : rest.substring(dollar + 1).split("&")) {
                        int eq = pair.indexOf('=');
                        instructions.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            if (!mvn.startsWith("mvn:")) {
                throw new IllegalArgumentException("not a mvn: bundle location: " + location);
            }
            String[] gav = mvn.substring("mvn:".length()).split("/");
            if (gav.length != 3) {
                throw new IllegalArgumentException("expected mvn:group/artifact/version, got " + location);
            }
            return new FeatureBundle(gav[0], gav[1], gav[2], instructions);
        }

        boolean wrapped() {
            return wrapInstructions != null;
        }

        String fileName() {
            return artifactId + "-" + version + ".jar";
        }
    }
}
