package io.github.camelclaid.component;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A small Camel application that moves one large body through {@code claid:edit}, run in a JVM of its own with a
 * small heap by {@link LargeBodiesIT} (and, in a loop of sizes, as the measuring driver of heap growth per transfer):
 * <ul>
 * <li>{@code download <baseUrl> <maxDownloadBytes> <outputFile>}: edits an image URL with downloadOutput and writes
 * the output to a file with Camel's file producer; prints {@code RESULT <bytes> <sha256> <outputUrl>}.</li>
 * <li>{@code upload <baseUrl> <imageFile>}: uploads the file as the body of {@code claid:edit}; prints
 * {@code RESULT <width>x<height>}.</li>
 * </ul>
 * Both print {@code HEAP <bytes>}: how far the heap's peak rose above what was in use before the transfer. The API
 * key comes from {@code CLAID_API_KEY}, as a user sets it. Exits 0 on success, 1 on a failed exchange.
 */
public final class LargeBodiesApp {

    private LargeBodiesApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String baseUrl = args[1];
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (mode.equals("download")) {
                        Path out = Path.of(args[3]);
                        from("direct:run").to("claid:edit?downloadOutput=true&baseUrl=" + baseUrl
                                + "&maxDownloadBytes=" + args[2] + "&operations={\"resizing\":{\"width\":100}}")
                                .to("file:" + out.getParent() + "?fileName=" + out.getFileName());
                    } else {
                        from("direct:run").to("claid:edit?downloadOutput=false&baseUrl=" + baseUrl
                                + "&operations={\"resizing\":{\"width\":100}}");
                    }
                }
            });
            context.start();
            long before = heapInUse();
            Exchange done = context.createProducerTemplate().request("direct:run", e -> e.getMessage().setBody(
                    mode.equals("download") ? "https://images.example/large.jpg" : Path.of(args[2]).toFile()));
            System.out.println("HEAP " + Math.max(0, heapPeak() - before));
            if (done.getException() != null) {
                done.getException().printStackTrace(System.out);
                System.exit(1);
            }
            if (mode.equals("download")) {
                Path out = Path.of(args[3]);
                System.out.println("RESULT " + Files.size(out) + " " + sha256(out) + " "
                        + done.getMessage().getHeader(ClaidConstants.OUTPUT_URL));
            } else {
                System.out.println("RESULT " + done.getMessage().getHeader(ClaidConstants.OUTPUT_WIDTH) + "x"
                        + done.getMessage().getHeader(ClaidConstants.OUTPUT_HEIGHT));
            }
        }
    }

    /** Heap in use after a collection, with the pools' peaks reset to it, so a peak read later is this transfer's. */
    static long heapInUse() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** The sum of the heap pools' peaks since {@link #heapInUse()}: an upper bound of the heap's peak. */
    static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
