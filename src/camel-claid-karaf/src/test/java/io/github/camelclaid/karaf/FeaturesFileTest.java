package io.github.camelclaid.karaf;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The attached features.xml is valid for Karaf and fully filled in; FeatureInOsgiIT shows that its bundles work. */
class FeaturesFileTest {

    /** Surefire runs before packaging: the filtered file is already there (generate-resources). */
    static final Path FILE = Path.of("target/feature/features.xml");

    @Test
    void isValidAgainstKarafsFeaturesSchema() throws Exception {
        URL schema = FeaturesFileTest.class.getResource("/org/apache/karaf/features/karaf-features-1.6.0.xsd");
        assertThat(schema).as("Karaf's schema on the test classpath").isNotNull();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(FILE.toFile()));
    }

    @Test
    void everyVersionIsFilledInAndTheFeatureNeedsOnlyCamelKarafsOwnFeatures() throws Exception {
        assertThat(Files.readString(FILE)).doesNotContain("${");
        FeaturesFile features = FeaturesFile.read(FILE);
        assertThat(features.requiredFeatures()).containsExactlyInAnyOrder("camel-core", "camel-jackson");
        assertThat(features.bundles()).extracting(FeaturesFile.FeatureBundle::artifactId)
                .endsWith("claid-client", "camel-claid");
    }
}
