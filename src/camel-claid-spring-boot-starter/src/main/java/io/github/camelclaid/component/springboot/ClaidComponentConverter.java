package io.github.camelclaid.component.springboot;

import java.util.Set;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.component.ClaidConfiguration;
import io.github.camelclaid.ledger.TaskLedger;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the options whose values are objects be set to a bean of the application, written {@code #name} or
 * {@code #bean:name} as in an endpoint URI: {@code camel.component.claid.task-ledger=#jdbcLedger}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class ClaidComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(ClaidClient.class, ClaidConfiguration.class,
            TaskLedger.class);

    private final ApplicationContext applicationContext;

    public ClaidComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, ClaidClient.class),
                new ConvertiblePair(String.class, ClaidConfiguration.class),
                new ConvertiblePair(String.class, TaskLedger.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
