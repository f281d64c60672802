package io.github.camelclaid.component.springboot;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.github.camelclaid.component.ClaidComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customizer copies every property that is set onto the component, the defaults of ClaidComponentConfiguration
 * included: each must be the value a component that nobody configured already has, or merely adding the starter
 * would change the component.
 */
class ClaidComponentConfigurationDefaultsTest {

    /** Of the starter itself, not options of the component. */
    static final Set<String> STARTER_PROPERTIES = Set.of("enabled", "customizer");

    @Test
    void everyDefaultOfTheStarterIsTheComponentsOwn() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ClaidComponent component = context.getComponent("claid", ClaidComponent.class);
            PropertyConfigurerGetter options = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();

            Map<String, Object> defaults = new HashMap<>();
            PluginHelper.getBeanIntrospection(context).getProperties(new ClaidComponentConfiguration(), defaults, null,
                    false);
            defaults.keySet().removeAll(STARTER_PROPERTIES);
            assertThat(defaults).as("the starter's defaults").hasSizeGreaterThan(30);

            defaults.forEach((name, value) -> {
                Object expected = value instanceof Duration d ? d.toMillis() : value;
                Object actual = options.getOptionValue(component, name, false);
                assertThat(String.valueOf(actual)).as("the component's %s", name).isEqualTo(String.valueOf(expected));
            });
        }
    }
}
