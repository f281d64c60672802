package io.github.camelclaid.testserver;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API key a {@link LocalClaidServer} in this JVM accepts and every webhook secret it signs with. A test suite can
 * search its captured log lines for each of them to prove that no secret leaks into a log (this project's own suite
 * does, at DEBUG).
 */
public final class IssuedSecrets {

    /** Shorter values are too likely to appear by chance (in ids, hashes) to mean a leak. */
    private static final int MIN_LENGTH = 8;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private IssuedSecrets() {
    }

    public static void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            SECRETS.add(secret);
        }
    }

    public static List<String> all() {
        return List.copyOf(SECRETS);
    }

    /** The first secret the text contains, or null. */
    public static String foundIn(String text) {
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                return secret;
            }
        }
        return null;
    }
}
