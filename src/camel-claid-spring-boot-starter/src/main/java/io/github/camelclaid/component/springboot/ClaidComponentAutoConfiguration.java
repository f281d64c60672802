package io.github.camelclaid.component.springboot;

import io.github.camelclaid.component.ClaidComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.claid.*} to the claid component when Camel creates it, as Camel Spring Boot's own
 * starters do: a {@link ComponentCustomizer} that Camel calls for each component it creates, switched off by
 * {@code camel.component.claid.enabled=false} (no customizer at all) or
 * {@code camel.component.claid.customizer.enabled=false} (the bean stays, it declines to act).
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, ClaidComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, ClaidComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.claid"})
public class ClaidComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final ClaidComponentConfiguration configuration;

    public ClaidComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            ClaidComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    /** In a servlet web application, {@link ClaidWebhookStartFilter} in front of every path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpFilter")
    static class WebhookWhileNotServed {

        @Bean
        FilterRegistrationBean<ClaidWebhookStartFilter> claidWebhookStartFilter(CamelContext camelContext,
                ClaidComponentConfiguration configuration) {
            FilterRegistrationBean<ClaidWebhookStartFilter> registration = new FilterRegistrationBean<>(
                    new ClaidWebhookStartFilter(camelContext, configuration.getWebhookPath()));
            registration.setName("claidWebhookStartFilter");
            return registration;
        }
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureClaidComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                // through the component's configurer, so durations, #bean references and the options kept in
                // ClaidConfiguration are set exactly as from an endpoint URI or camel-main's properties
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.claid.customizer") && target instanceof ClaidComponent;
            }
        };
    }
}
