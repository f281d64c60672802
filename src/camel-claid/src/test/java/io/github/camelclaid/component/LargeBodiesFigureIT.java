package io.github.camelclaid.component;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap a transfer costs, by size: each download and upload of 1, 50 and 200 MB runs in a fresh JVM
 * ({@link LargeBodiesApp}, heap {@code -Dclaid.figures.heap}, default 1g so that code holding bodies whole still
 * finishes), which prints how far the heap's peak rose above what was in use before. Prints a table; asserts nothing.
 * Run on demand: {@code -Dit.test=LargeBodiesFigureIT -Dclaid.figures=true}; {@code -Dclaid.figures.sizes=1,50,200}
 * sets the sizes in MB (1024 needs a few GB of free disk for the input and the output).
 */
@EnabledIfSystemProperty(named = "claid.figures", matches = "true")
class LargeBodiesFigureIT {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void heapGrowthPerTransfer() throws Exception {
        String heap = System.getProperty("claid.figures.heap", "1g");
        StringBuilder table = new StringBuilder("size MB | download heap MB | upload heap MB   (-Xmx" + heap + ")\n");
        for (String mb : System.getProperty("claid.figures.sizes", "1,50,200").split(",")) {
            long size = Long.parseLong(mb.trim());
            try (LocalClaidServer server = LocalClaidServer.builder().outputSize(size * MB).build().start()) {
                Path image = dir.resolve("in-" + size + ".jpg");
                try (OutputStream out = Files.newOutputStream(image)) {
                    byte[] chunk = new byte[(int) MB];
                    java.util.Arrays.fill(chunk, (byte) 7);
                    for (long i = 0; i < size; i++) {
                        out.write(chunk);
                    }
                }
                String download = heapOf(server, heap, "download", server.baseUrl(), Long.toString(size * MB + MB),
                        dir.resolve("out-" + size + ".bin").toString());
                String upload = heapOf(server, heap, "upload", server.baseUrl(), image.toString());
                table.append(String.format("%7d | %16s | %14s%n", size, download, upload));
            }
        }
        System.out.println(table);
    }

    private static String heapOf(LocalClaidServer server, String heap, String... args) throws Exception {
        ChildJvm app = ChildJvm.start("figures-" + args[0], List.of("-Xmx" + heap), LargeBodiesApp.class,
                List.of(args), Map.of("CLAID_API_KEY", server.apiKey()), Duration.ofMinutes(5), line -> true);
        int exit = app.awaitExitCode();
        String line = app.lastLine("HEAP ");
        String mb = line == null ? "?" : String.format("%.1f", Long.parseLong(line.substring(5)) / (double) MB);
        return exit == 0 ? mb : mb + " (failed)";
    }
}
