/**
 * What the local servers of this module share, in the manner of Camel's test-infra services: the life cycle of a
 * server on 127.0.0.1 ({@link io.github.camelclaid.testinfra.LocalServer}) and the JUnit 5 extension that runs one
 * per test class or per test ({@link io.github.camelclaid.testinfra.LocalServerExtension}). Tests use the concrete
 * servers and extensions: {@code LocalClaidServer}, {@code LocalS3Server} and theirs.
 */
package io.github.camelclaid.testinfra;
