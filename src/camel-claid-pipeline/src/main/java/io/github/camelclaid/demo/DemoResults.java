package io.github.camelclaid.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelclaid.s3.LocalS3Server;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the demo has produced so far, told to the person running it: each result as it lands, with the file to open
 * when the buckets are local folders, and an HTML page with every input beside its result.
 */
final class DemoResults {

    private final S3Client s3;
    private final String inputBucket;
    private final String outputBucket;
    private final String prefix;
    /** The local S3 server's folder of buckets; null for buckets on AWS, which have no file to show. */
    private final Path bucketsDir;
    private final Path indexFile;
    private final Set<String> told = new LinkedHashSet<>();

    DemoResults(S3Client s3, String inputBucket, String outputBucket, String prefix, Path bucketsDir, Path indexFile) {
        this.s3 = s3;
        this.inputBucket = inputBucket;
        this.outputBucket = outputBucket;
        this.prefix = prefix;
        this.bucketsDir = bucketsDir;
        this.indexFile = indexFile;
    }

    /**
     * Prints the results and failure reports that appeared since the last call, and rewrites the index if any did.
     * Returns how many have been told in all.
     */
    synchronized int tellNew() {
        List<String> fresh = new ArrayList<>();
        for (String key : outputs()) {
            if (told.add(key)) {
                fresh.add(key);
            }
        }
        for (String key : fresh) {
            System.out.println((isFailure(key) ? "  failed: " : "  result: ") + where(outputBucket, key));
        }
        if (!fresh.isEmpty() && bucketsDir != null) {
            writeIndex();
        }
        return told.size();
    }

    /** The results told so far, in key order. */
    synchronized List<String> results() {
        return told.stream().filter(k -> !isFailure(k)).sorted().toList();
    }

    /** The failure reports told so far, in key order. */
    synchronized List<String> failures() {
        return told.stream().filter(DemoResults::isFailure).sorted().toList();
    }

    /** Results, then failure reports, in key order, as the output bucket lists them now. */
    private List<String> outputs() {
        List<String> keys = new ArrayList<>(keys(outputBucket, prefix).stream().filter(k -> !isFailure(k)).toList());
        keys.addAll(keys(outputBucket, "failed/" + prefix));
        return keys;
    }

    private static boolean isFailure(String key) {
        return key.startsWith("failed/");
    }

    /**
     * One closing paragraph: how many of each, and where to look. From what was already told when the buckets can no
     * longer be listed (Ctrl+C stops the local S3 server too).
     */
    synchronized void printSummary() {
        try {
            tellNew();
        } catch (RuntimeException e) {
            // the last results may be missing from the count; the files are there all the same
        }
        List<String> results = results();
        List<String> failures = failures();
        System.out.println();
        System.out.println(results.size() + " results" + (failures.isEmpty() ? "" : ", " + failures.size()
                + " failure reports") + " in " + (bucketsDir == null ? "s3://" + outputBucket
                : bucketsDir.resolve(outputBucket).toString()));
        if (bucketsDir != null && !told.isEmpty()) {
            System.out.println("Inputs beside results: " + indexFile.toUri());
        }
    }

    private String where(String bucket, String key) {
        return bucketsDir == null ? "s3://" + bucket + "/" + key : bucketsDir.resolve(bucket).resolve(key).toString();
    }

    private void writeIndex() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>camel-claid demo</title>
                <style>body{font-family:sans-serif}td{padding:8px;vertical-align:top}img{max-width:360px;
                background:repeating-conic-gradient(#ddd 0 25%,#fff 0 50%) 0 0/16px 16px}</style></head><body>
                <h1>camel-claid demo</h1><table><tr><th>input</th><th>result</th></tr>
                """);
        for (String key : results()) {
            String input = inputFor(key);
            html.append("<tr><td>").append(figure(inputBucket, input)).append("</td><td>")
                    .append(figure(outputBucket, key)).append("</td></tr>\n");
        }
        for (String key : failures()) {
            html.append("<tr><td colspan=\"2\">failed: <a href=\"").append(relative(outputBucket, key)).append("\">")
                    .append(escape(key)).append("</a></td></tr>\n");
        }
        html.append("</table></body></html>\n");
        try {
            Files.writeString(indexFile, html);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + indexFile, e);
        }
    }

    /** The input a result came from: same key, any extension (the result's names the output format). */
    private String inputFor(String resultKey) {
        String stem = resultKey.replaceFirst("\\.[^./]*$", "");
        return keys(inputBucket, stem).stream().filter(k -> k.replaceFirst("\\.[^./]*$", "").equals(stem))
                .findFirst().orElse(resultKey);
    }

    private String figure(String bucket, String key) {
        return "<img src=\"" + relative(bucket, key) + "\" alt=\"\"><br>" + escape(bucket + "/" + key);
    }

    private String relative(String bucket, String key) {
        return indexFile.getParent().relativize(bucketsDir.resolve(bucket).resolve(key)).toString().replace('\\', '/');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private List<String> keys(String bucket, String keyPrefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keyPrefix)).contents().stream()
                .map(o -> o.key()).filter(k -> !LocalS3Server.isListingArtifact(k)).sorted().toList();
    }
}
