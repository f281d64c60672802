package io.github.camelclaid.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets tests hand out in this JVM: API keys the local Claid server accepts and webhook secrets it signs with.
 * The suite-wide scan ({@link SecretScan}) looks for each of them in every log line.
 */
public final class KnownSecrets {

    /** Shorter values are too likely to appear by chance (in ids, hashes) to mean a leak. */
    private static final int MIN_LENGTH = 8;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private KnownSecrets() {
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
