package io.github.camelclaid.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import io.github.camelclaid.testinfra.LocalServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for tests and demos: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> run as a
 * child JVM, bound to 127.0.0.1, checking AWS signatures (V2 and V4) against one access key and secret.
 *
 * <p>
 * S3Proxy runs in a JVM of its own because its dependencies (Jetty, Jackson 3, cloud SDKs) clash with Camel's on one
 * classpath. This module carries its jar as a resource and unpacks it into the temporary directory on first use
 * ({@link S3ProxyJar}); {@link Builder#serversDir} points at another copy instead.
 *
 * <pre>{@code
 * try (LocalS3Server s3 = LocalS3Server.builder().build().start()) {
 *     s3.createBucket("images");
 *     Main main = new Main();
 *     s3.camelProperties().forEach(main::addInitialProperty);   // aws2-s3 talks to this server, route URIs unchanged
 *     ...
 *     assertThat(s3.keys("images", "out/")).hasSize(3);
 * }
 * }</pre>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 * <li>Storage is in memory by default and lost when the process stops; {@link Builder#storageDirectory} keeps objects
 * in a directory across restarts and runs.</li>
 * <li>Conf, log and PID files live in the work directory (default {@code target/s3proxy}), named after the port. A
 * JVM shutdown hook stops the child when the test JVM exits normally; when the test JVM was killed, the next
 * {@link #start()} with the same work directory stops the orphan (only a live S3Proxy process started with this work
 * directory whose parent JVM is gone).</li>
 * <li>Starting takes about 1 to 3 s; a per-class server ({@link LocalS3ServerExtension} on a static field) is the
 * cheap way to use it.</li>
 * </ul>
 */
public final class LocalS3Server extends LocalServer<LocalS3Server> {

    /** The access key a server accepts unless told otherwise. */
    public static final String DEFAULT_ACCESS_KEY = "local-access-key";
    /** The secret key a server accepts unless told otherwise. */
    public static final String DEFAULT_SECRET_KEY = "local-secret-key";
    /** The region clients should sign for; S3Proxy accepts any, the AWS SDK needs one. */
    public static final String REGION = "us-east-1";
    /** The S3Proxy jar's file name in a {@link Builder#serversDir}. */
    public static final String JAR_NAME = "s3proxy-jar-with-dependencies.jar";

    private static final Pattern UNFINISHED_WRITE = Pattern.compile(
            "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private static final System.Logger LOG = System.getLogger(LocalS3Server.class.getName());
    private static final String FILE_PREFIX = "s3proxy-";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** Attempts with a fresh free port when another process took the one picked before S3Proxy could bind it. */
    private static final int BIND_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;

    private final Builder settings;
    private final Path workDir;
    private final Path serversDir;
    private final Path storageDir;

    /** Volatile for the shutdown hook, which reads it without the lock (the lock may be held when the JVM exits). */
    private volatile Process process;
    private volatile Path pidFile;
    private Thread shutdownHook;
    private int port;
    private Path logFile;
    private S3Client client;

    private LocalS3Server(Builder builder) {
        this.settings = builder.copy();
        this.workDir = builder.workDir.toAbsolutePath().normalize();
        this.serversDir = builder.serversDir == null ? null : builder.serversDir.toAbsolutePath().normalize();
        this.storageDir = builder.storageDir == null ? null : builder.storageDir.toAbsolutePath().normalize();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Launches S3Proxy on 127.0.0.1 and waits until it answers a signed ListBuckets; see {@link #start()}.
     *
     * @throws IllegalStateException when the jar is missing, or the process dies or is not ready in time (the message
     *                               holds the tail of its log)
     */
    @Override
    protected void startServing() {
        Path jar = serverJar();
        try {
            Files.createDirectories(workDir);
            if (storageDir != null) {
                Files.createDirectories(storageDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + workDir + " or " + storageDir, e);
        }
        stopOrphans(workDir);
        // registered before the launch, so that a JVM stopped during the wait does not leave the child behind
        shutdownHook = new Thread(this::stopProcessOnExit, "local-s3-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            launchUntilReady(jar, settings.port, false);
        } catch (RuntimeException e) {
            removeShutdownHook();
            throw e;
        }
    }

    /**
     * Stops the process and starts a new one on the same port with the same settings, so clients and Camel endpoints
     * configured for {@link #endpoint()} keep working. Objects survive only with {@link Builder#storageDirectory}.
     */
    public synchronized LocalS3Server restart() {
        requireRunning();
        stopProcess();
        try {
            launchUntilReady(serverJar(), port, true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint override for S3 clients (path-style addressing). */
    public synchronized URI endpoint() {
        requireRunning();
        return URI.create(loopbackUrl(port));
    }

    public synchronized int port() {
        requireRunning();
        return port;
    }

    public String accessKey() {
        return settings.accessKey;
    }

    public String secretKey() {
        return settings.secretKey;
    }

    public String region() {
        return REGION;
    }

    /** The directory objects are kept in, or empty when they are kept in memory. */
    public Optional<Path> storageDirectory() {
        return Optional.ofNullable(storageDir);
    }

    /** The S3Proxy process's PID (it changes on {@link #restart()}). */
    public synchronized long pid() {
        requireRunning();
        return process.pid();
    }

    /** S3Proxy's own log (its standard output and error). */
    public synchronized Path logFile() {
        requireRunning();
        return logFile;
    }

    /** The PID file of the running process (for tests of the orphan sweep). */
    Path pidFile() {
        return pidFile;
    }

    /**
     * Properties that point Camel's {@code aws2-s3} component at this server, in Camel Main's
     * {@code camel.component.aws2-s3.*} form: endpoint override, path-style addressing, region and static keys. Route
     * URIs need none of these options then.
     */
    public Map<String, String> camelProperties() {
        String prefix = "camel.component.aws2-s3.";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + "uri-endpoint-override", endpoint().toString());
        properties.put(prefix + "override-endpoint", "true");
        properties.put(prefix + "force-path-style", "true");
        properties.put(prefix + "region", REGION);
        properties.put(prefix + "access-key", settings.accessKey);
        properties.put(prefix + "secret-key", settings.secretKey);
        return properties;
    }

    /** A client for this server, made on first use and closed with it; tests may share it. */
    public synchronized S3Client client() {
        requireRunning();
        if (client == null) {
            client = newClient(endpoint(), settings.accessKey, settings.secretKey, null);
        }
        return client;
    }

    /** A new client for this server signing with these keys (e.g. wrong ones); the caller closes it. */
    public S3Client newClient(String accessKey, String secretKey) {
        return newClient(endpoint(), accessKey, secretKey, null);
    }

    public void createBucket(String bucket) {
        client().createBucket(b -> b.bucket(bucket));
    }

    /** Stores the bytes under the key (one plain PUT) and returns the object's ETag. */
    public String put(String bucket, String key, byte[] content) {
        return client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
    }

    public byte[] get(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** The keys of the objects in the bucket starting with the prefix (null or empty: all), sorted. */
    public List<String> keys(String bucket, String prefix) {
        return client().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).filter(key -> !isListingArtifact(key)).sorted().toList();
    }

    /**
     * Whether a listed key is not an object but a trace of how S3Proxy stores them: its stores write an object under a
     * temporary name (its key followed by '-' and a UUID) and list that name until the write ends, and the folder
     * store lists its folders as keys ending with '/'. Listings that count objects skip these.
     */
    public static boolean isListingArtifact(String key) {
        return key.endsWith("/") || UNFINISHED_WRITE.matcher(key).find();
    }

    /** Deletes every bucket with everything in it, including unfinished multipart uploads. */
    public void clear() {
        S3Client s3 = client();
        for (Bucket bucket : s3.listBuckets().buckets()) {
            String name = bucket.name();
            for (MultipartUpload upload : s3.listMultipartUploads(b -> b.bucket(name)).uploads()) {
                s3.abortMultipartUpload(b -> b.bucket(name).key(upload.key()).uploadId(upload.uploadId()));
            }
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(name)).contents()) {
                s3.deleteObject(b -> b.bucket(name).key(object.key()));
            }
            s3.deleteBucket(b -> b.bucket(name));
        }
    }

    /** Stops the process (SIGTERM, then a forced kill after 15 s) and the client. */
    @Override
    protected void stopServing() {
        if (client != null) {
            client.close();
            client = null;
        }
        stopProcess();
    }

    @Override
    protected void awaitStopped() {
        removeShutdownHook();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // process

    private Path serverJar() {
        if (serversDir == null) {
            return S3ProxyJar.unpacked();
        }
        Path jar = serversDir.resolve(JAR_NAME);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found: " + jar + ". Point LocalS3Server.Builder.serversDir"
                    + " at a directory holding " + JAR_NAME + ", or leave it unset to use the jar this module carries.");
        }
        return jar;
    }

    private void launchUntilReady(Path jar, int requestedPort, boolean appendLog) {
        for (int attempt = 1;; attempt++) {
            int candidate = requestedPort != 0 ? requestedPort : freeLoopbackPort();
            launch(jar, candidate, appendLog);
            String failure = awaitReady(candidate);
            if (failure == null) {
                port = candidate;
                return;
            }
            String tail = logTail();
            stopProcess();
            // the port was free when picked, but another process may have bound it before S3Proxy did
            boolean bindRace = requestedPort == 0 && attempt < BIND_ATTEMPTS
                    && (tail.contains("BindException") || tail.contains("Address already in use"));
            if (!bindRace) {
                throw new IllegalStateException("S3Proxy on 127.0.0.1:" + candidate + " " + failure + "; log "
                        + logFile + " ends with:\n" + tail);
            }
        }
    }

    private void launch(Path jar, int candidatePort, boolean appendLog) {
        String name = FILE_PREFIX + candidatePort;
        Path conf = workDir.resolve(name + ".conf");
        logFile = workDir.resolve(name + ".log");
        writeConf(conf, candidatePort);
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        // C1 only: S3Proxy is ready sooner and smaller, and a test's few requests do not need C2's code
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--properties", conf.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + builder.command(), e);
        }
        pidFile = workDir.resolve(name + ".pid");
        writePidFile(pidFile, process.pid(), conf);
    }

    private void writeConf(Path conf, int candidatePort) {
        Properties properties = new Properties();
        // the endpoint's host is also the address S3Proxy binds
        properties.setProperty("s3proxy.endpoint", loopbackUrl(candidatePort));
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", settings.accessKey);
        properties.setProperty("s3proxy.credential", settings.secretKey);
        if (storageDir == null) {
            properties.setProperty("jclouds.provider", "transient");
        } else {
            properties.setProperty("jclouds.provider", "filesystem");
            properties.setProperty("jclouds.filesystem.basedir", storageDir.toString());
        }
        // required by S3Proxy's Main, unused by the local providers
        properties.setProperty("jclouds.identity", "unused");
        properties.setProperty("jclouds.credential", "unused");
        // Properties.store escapes keys and paths (backslashes, '=', newlines) as the reader expects
        try (OutputStream out = Files.newOutputStream(conf)) {
            properties.store(out, "written by " + LocalS3Server.class.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + conf, e);
        }
    }

    /** Null when S3Proxy answered a signed ListBuckets; otherwise why it is not ready. */
    private String awaitReady(int candidatePort) {
        long deadline = System.nanoTime() + settings.startTimeout.toNanos();
        URI endpoint = URI.create(loopbackUrl(candidatePort));
        // one attempt per call and a short timeout: the loop is the retry, and must notice a dead process quickly
        try (S3Client probe = newClient(endpoint, settings.accessKey, settings.secretKey, Duration.ofSeconds(2))) {
            SdkException last = null;
            while (true) {
                if (!process.isAlive()) {
                    return "exited with code " + process.exitValue() + " before it was ready";
                }
                try {
                    probe.listBuckets();
                    return null;
                } catch (SdkException e) {
                    last = e;
                }
                if (System.nanoTime() > deadline) {
                    return "was not ready within " + settings.startTimeout.toSeconds() + " s (last probe: " + last
                            + ")";
                }
                // a fixed pause between probes, not a wait for a condition: there is nothing to be notified by
                LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            }
        }
    }

    /** Stops the current process, if any, and forgets its PID file; the caller holds the lock. */
    private void stopProcess() {
        Process current = process;
        if (current == null) {
            return;
        }
        stop(current.toHandle(), STOP_TIMEOUT);
        process = null;
        deletePidFile();
    }

    /** The shutdown hook: no lock (another thread may hold it while the JVM exits), a shorter grace period. */
    private void stopProcessOnExit() {
        Process current = process;
        if (current != null && current.isAlive()) {
            stop(current.toHandle(), Duration.ofSeconds(5));
            deletePidFile();
        }
    }

    private void removeShutdownHook() {
        Thread hook;
        synchronized (this) {
            hook = shutdownHook;
            shutdownHook = null;
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down, the hook runs anyway
            }
        }
    }

    private void deletePidFile() {
        Path file = pidFile;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Cannot delete " + file, e);
            }
        }
    }

    private String logTail() {
        try {
            String text = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\\R"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PID files and orphans

    /** Line 1: child PID, owner JVM PID, owner start (epoch ms); line 2: the conf path on the child's command line. */
    private static void writePidFile(Path file, long childPid, Path conf) {
        ProcessHandle owner = ProcessHandle.current();
        long ownerStart = owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.writeString(file, childPid + " " + owner.pid() + " " + ownerStart + "\n" + conf + "\n");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot write " + file + "; an orphan would not be found", e);
        }
    }

    /**
     * Stops S3Proxy processes of this work directory whose owning JVM is gone (a test run that was killed before its
     * shutdown hook could run). A live owner's servers are left alone: another build may use the same directory.
     */
    static void stopOrphans(Path workDir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workDir, FILE_PREFIX + "*.pid")) {
            for (Path file : files) {
                stopIfOrphan(file);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot look for orphaned S3Proxy processes in " + workDir, e);
        }
    }

    private static void stopIfOrphan(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] ids = lines.isEmpty() ? new String[0] : lines.get(0).trim().split(" ");
        if (ids.length != 3 || lines.size() < 2) {
            Files.deleteIfExists(file);
            return;
        }
        long childPid;
        long ownerPid;
        long ownerStart;
        try {
            childPid = Long.parseLong(ids[0]);
            ownerPid = Long.parseLong(ids[1]);
            ownerStart = Long.parseLong(ids[2]);
        } catch (NumberFormatException e) {
            Files.deleteIfExists(file);
            return;
        }
        if (isAlive(ownerPid, ownerStart)) {
            return;
        }
        String conf = lines.get(1).trim();
        Optional<ProcessHandle> child = ProcessHandle.of(childPid).filter(ProcessHandle::isAlive);
        // only the process we started: a reused PID belongs to something else, which must not be touched
        if (child.isPresent() && child.get().info().commandLine()
                .filter(command -> command.contains("s3proxy") && command.contains(conf)).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "Stopping orphaned S3Proxy process " + childPid + " (" + conf + ")");
            stop(child.get(), Duration.ofSeconds(10));
        }
        Files.deleteIfExists(file);
    }

    private static boolean isAlive(long pid, long startEpochMilli) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        // the same PID with another start time is a new process that reused the number: the owner is gone
        Optional<Instant> start = handle.get().info().startInstant();
        return start.isEmpty() || startEpochMilli == 0 || start.get().toEpochMilli() == startEpochMilli;
    }

    /** SIGTERM, then SIGKILL when it has not exited within the grace period. */
    private static void stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out: kill it below
        }
        handle.destroyForcibly();
        try {
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "S3Proxy process " + handle.pid() + " survived SIGKILL for 5 s");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static S3Client newClient(URI endpoint, String accessKey, String secretKey, Duration singleAttemptTimeout) {
        var builder = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                // named, not discovered: the SDK refuses to choose when more than one HTTP client is on the classpath
                .httpClientBuilder(ApacheHttpClient.builder());
        if (singleAttemptTimeout != null) {
            builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallTimeout(singleAttemptTimeout));
        }
        return builder.build();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        }
    }

    /** Configures a {@link LocalS3Server}; every setting has a default fit for tests. Reusable. */
    public static final class Builder {

        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secretKey = DEFAULT_SECRET_KEY;
        private int port;
        private Path storageDir;
        private Path serversDir;
        private Path workDir = Path.of("target", "s3proxy");
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The one access key the server accepts; default {@value LocalS3Server#DEFAULT_ACCESS_KEY}. */
        public Builder accessKey(String accessKey) {
            this.accessKey = requireText(accessKey, "access key");
            return this;
        }

        /** The secret key requests must be signed with; default {@value LocalS3Server#DEFAULT_SECRET_KEY}. */
        public Builder secretKey(String secretKey) {
            this.secretKey = requireText(secretKey, "secret key");
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = validPort(port);
            return this;
        }

        /** Keeps objects in this directory (created if missing), across restarts; default: in memory. */
        public Builder storageDirectory(Path directory) {
            this.storageDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Keeps objects in memory (the default): lost when the process stops. */
        public Builder inMemory() {
            this.storageDir = null;
            return this;
        }

        /**
         * A directory holding {@value LocalS3Server#JAR_NAME} to run instead of the S3Proxy jar this module carries.
         */
        public Builder serversDir(Path directory) {
            this.serversDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Where conf, log and PID files go; default {@code target/s3proxy}. */
        public Builder workDir(Path directory) {
            this.workDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** How long {@link LocalS3Server#start()} waits for the server to be ready; default 60 s. */
        public Builder startTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The start timeout must be positive");
            }
            this.startTimeout = timeout;
            return this;
        }

        /** A new server with these settings, not started yet. */
        public LocalS3Server build() {
            return new LocalS3Server(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.accessKey = accessKey;
            copy.secretKey = secretKey;
            copy.port = port;
            copy.storageDir = storageDir;
            copy.serversDir = serversDir;
            copy.workDir = workDir;
            copy.startTimeout = startTimeout;
            return copy;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("The " + what + " must not be blank");
            }
            return value;
        }
    }
}
