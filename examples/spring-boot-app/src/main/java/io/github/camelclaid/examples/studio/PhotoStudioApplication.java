package io.github.camelclaid.examples.studio;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The photo studio: Camel routes (in {@link PhotoRoutes}) on Spring Boot, with the claid component's starter. */
@SpringBootApplication
public class PhotoStudioApplication {

    public static void main(String[] args) {
        SpringApplication.run(PhotoStudioApplication.class, args);
    }
}
