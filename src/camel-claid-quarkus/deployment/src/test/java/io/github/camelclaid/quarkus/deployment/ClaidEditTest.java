package io.github.camelclaid.quarkus.deployment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.component.ClaidConfiguration;
import io.github.camelclaid.component.ClaidConstants;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The component in a Quarkus application, configured only by application.properties, editing an image. */
class ClaidEditTest {

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = LocalClaid.quarkusUnitTest();

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @Test
    void theComponentTakesItsSettingsFromApplicationProperties() {
        ClaidConfiguration configuration = context.getComponent("claid", ClaidComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(System.getProperty(LocalClaid.BASE_URL_PROPERTY));
        // compared without being printed: a failure message must not show the key
        assertThat(LocalClaid.API_KEY.equals(configuration.getApiKey())).as("the API key of application.properties")
                .isTrue();
    }

    @Test
    void aSyncEditReturnsTheEditedImage() throws Exception {
        Exchange out = template.request("claid:edit?operations=RAW({\"resizing\":{\"width\":100}})",
                e -> e.getMessage().setBody("https://images.example.com/chair.jpg"));

        assertThat(out.getException()).isNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image).as("the body is an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).startsWith("image/");
        assertThat(out.getMessage().getHeader(ClaidConstants.OUTPUT_WIDTH)).isEqualTo(100);
    }
}
