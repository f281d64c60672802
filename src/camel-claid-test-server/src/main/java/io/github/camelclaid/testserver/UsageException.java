package io.github.camelclaid.testserver;

/** A command line or environment {@link LocalServers} cannot run with; the message names the option at fault. */
final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message + "; --help lists the options");
    }
}
