package io.github.camelclaid.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.component.ClaidConstants;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The file ledger on a disk that fills up: a 1 MB tmpfs mounted for the test (root only, as in CI; skipped
 * otherwise), filled while tasks are in flight. Submissions must stop with a clear error before any credit is spent,
 * the tasks recorded before must all be reported once, and submitting must go on by itself once space is freed. And on
 * a disk the kernel turns read-only under it (ext4 on a loop device): a refused change is not made, and submissions
 * are held back.
 */
class FileLedgerDiskFaultsIT {

    static final String KEY = "disk-full-key-19aa";

    @RegisterExtension
    static final LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(100)));

    @TempDir
    Path dir;

    Path disk;
    CamelContext context;
    final List<String> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "claid-ledger-test",
                disk.toString()).redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeThat(mounted).as("mounting a small tmpfs needs root (CI runs as root): %s", said).isTrue();
    }

    @AfterEach
    void stopAndUnmount() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (disk != null) {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskStopsSubmissionsBeforeAnyCreditIsSpentLosesNothingAndSubmittingResumesOnceSpaceIsFreed()
            throws Exception {
        Path file = disk.resolve("ledger.jsonl");
        FileTaskLedger ledger = new FileTaskLedger(file);
        context = new DefaultCamelContext();
        context.getRegistry().bind("ledger", ledger);
        String common = "apiKey=" + KEY + "&baseUrl=" + claid.server().baseUrl() + "&taskLedger=#ledger";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common + "&correlationHeaders=InputId"
                        + "&operations=RAW({\"resizing\":{\"width\":64} })");
                from("claid:tasks?" + common + "&taskLease=1s&delay=50&taskPollInterval=50&taskPollMaxInterval=200")
                        .process(e -> reported.add(e.getMessage().getHeader("InputId", String.class)));
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        // in flight at Claid until released, so that they are open in the ledger while the disk is full
        for (int i = 0; i < 3; i++) {
            submit(template, "before-" + i, "hold/before-" + i, null);
        }
        fill(disk.resolve("filler"));
        long paid = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);

        assertThatThrownBy(() -> submit(template, "during-1", "during-1", null))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(TaskLedgerException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not submitting it")
                .hasMessageContaining("Free space on its disk");
        assertThatThrownBy(() -> submit(template, "during-2", "during-2", "photos/during-2.jpg/etag-1"))
                .cause().isInstanceOf(TaskLedgerException.class).hasMessageContaining("not submitting it");
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paid);

        Files.delete(disk.resolve("filler"));
        submit(template, "after-1", "after-1", null);
        submit(template, "after-2", "after-2", "photos/after-2.jpg/etag-1");
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paid + 2);

        claid.server().releaseHeldTasks();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.openCount() == 0);
        assertThat(reported).containsExactlyInAnyOrder("before-0", "before-1", "before-2", "after-1", "after-2");
        context.stop();
        context = null;
        ledger.close();
        try (FileTaskLedger reopened = new FileTaskLedger(file)) {
            assertThat(reopened.openCount()).isZero();
        }
    }

    @Test
    void aWriteTheDiskRefusesChangesNothingInTheFileOrInMemoryAndTheLedgerGoesOn() throws Exception {
        Path file = disk.resolve("ledger.jsonl");
        TaskKey first = TaskLedgerContract.task(1).key();
        try (FileTaskLedger ledger = new FileTaskLedger(file)) {
            ledger.record(TaskLedgerContract.task(1));
            fill(disk.resolve("filler"));
            assertThatThrownBy(ledger::checkWritable).isInstanceOf(TaskLedgerException.class)
                    .hasMessageContaining("bytes left on its disk");
            // a line longer than the page the file ends in: what fits reaches the file before the disk refuses the
            // rest, and is cut off again
            TrackedTask big = TaskLedgerContract.task(2).adopted(Map.of("big", "x".repeat(20_000)), "k");
            assertThatThrownBy(() -> ledger.record(big)).isInstanceOf(TaskLedgerException.class)
                    .hasMessageContaining("the change was not made");
            assertThat(ledger.find(big.key())).isEmpty();
            assertThat(ledger.findByRequestKey("k")).isEmpty();
            assertThat(ledger.find(first).orElseThrow().isOpen()).isTrue();

            Files.delete(disk.resolve("filler"));
            ledger.checkWritable();
            assertThat(ledger.record(big)).isTrue();
        }
        try (FileTaskLedger reopened = new FileTaskLedger(file)) {
            assertThat(reopened.find(first).orElseThrow().isOpen()).isTrue();
            assertThat(reopened.findByRequestKey("k")).isPresent();
        }
    }

    @Test
    void aDiskTheKernelTurnsReadOnlyUnderTheLedgerRefusesChangesWhole() throws Exception {
        // ext4 on a loop device, mounted errors=remount-ro, then an error triggered through sysfs: the kernel turns the
        // file system read-only under the open ledger, as it does on a failing disk
        Path image = dir.resolve("ext4.img");
        Path mountPoint = Files.createDirectories(dir.resolve("ext4"));
        try (RandomAccessFile sparse = new RandomAccessFile(image.toFile(), "rw")) {
            sparse.setLength(8L * 1024 * 1024);
        }
        assumeThat(run("mkfs.ext4", "-q", image.toString())).as("mkfs.ext4").isNotNull();
        assumeThat(run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString()))
                .as("a loop mount (root, loop devices)").isNotNull();
        FileTaskLedger ledger = null;
        try {
            ledger = new FileTaskLedger(mountPoint.resolve("ledger.jsonl"));
            ledger.record(TaskLedgerContract.task(1));
            String device = Path.of(run("findmnt", "-n", "-o", "SOURCE", mountPoint.toString()).trim())
                    .getFileName().toString();
            Files.writeString(Path.of("/sys/fs/ext4", device, "trigger_fs_error"), "claid test");

            FileTaskLedger broken = ledger;
            assertThatThrownBy(() -> broken.record(TaskLedgerContract.task(2))).isInstanceOf(TaskLedgerException.class)
                    .hasMessageContaining("Read-only file system").hasMessageContaining("the change was not made");
            assertThat(broken.find(TaskLedgerContract.task(2).key())).isEmpty();
            assertThat(broken.find(TaskLedgerContract.task(1).key())).isPresent();
            assertThatThrownBy(broken::checkWritable).isInstanceOf(TaskLedgerException.class)
                    .hasMessageContaining("not submitting it");
        } finally {
            closeQuietly(ledger);
            run("umount", "-l", mountPoint.toString());
        }
    }

    /** Runs a command and returns its output, or null when it failed. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? said : null;
    }

    /** A ledger on a file system turned read-only cannot sync its file on closing: that is not what is tested. */
    private static void closeQuietly(FileTaskLedger ledger) {
        if (ledger != null) {
            try {
                ledger.close();
            } catch (RuntimeException expected) {
                // the file system is read-only
            }
        }
    }

    private static void submit(ProducerTemplate template, String input, String path, String requestKey) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("InputId", input);
        if (requestKey != null) {
            headers.put(ClaidConstants.REQUEST_KEY, requestKey);
        }
        template.sendBodyAndHeaders("direct:submit", "https://images.example/" + path + ".jpg", headers);
    }

    /** Writes until the file system says no space is left. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException expected) {
            assertThat(expected).hasMessageContaining("No space left");
        }
    }
}
