package io.github.camelclaid.examples.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command of Camel JBang, for a machine without JBang: what JBang's {@code camel} script runs, Camel's
 * own CLI, taken from Maven Central by this project's pom. {@code java -cp ... Camel run photos.camel.yaml ...} is
 * {@code camel run photos.camel.yaml ...}.
 */
public final class Camel {

    private Camel() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
