package io.github.camelclaid.component;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.camelclaid.support.CapturedLogs;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Java routes of README.md's "Using the component", taken from the file, compiled and run on Camel Main against
 * the local Claid server, configured the way README says (the key from CLAID_API_KEY, not in a URI). Only the folders
 * are moved under a temp dir.
 */
class ReadmeSnippetsIT {

    static final String KEY = "sk-readme-Hq4+e/Key=91";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(60)));

    @TempDir
    Path work;

    @Test
    void readmesRoutesEditAFileAndReportTasksByProduct() throws Exception {
        String snippet = javaBlockUnder("## Using the component")
                .replace("\"file:inbox\"", quoted("file:" + work.resolve("inbox")))
                .replace("\"file:outbox\"", quoted("file:" + work.resolve("outbox")));
        try (CapturedLogs logs = new CapturedLogs()) {
            Main main = mainWith(compile(snippet));
            main.start();
            try {
                Files.createDirectories(work.resolve("inbox"));
                Files.write(work.resolve("inbox").resolve("photo.png"), png(300, 200));
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(work.resolve("outbox/photo.png")));
                BufferedImage edited = ImageIO.read(work.resolve("outbox/photo.png").toFile());
                assertThat(edited.getWidth()).isEqualTo(800);

                var template = main.getCamelContext().createProducerTemplate();
                template.sendBodyAndHeader("direct:product", "https://images.example.com/p7.jpg", "ProductId", "P-7");
                template.sendBodyAndHeader("direct:product", "https://images.example.com/p8-fail.jpg", "ProductId", "P-8");
                await().atMost(Duration.ofSeconds(30)).until(() -> !logs.linesContaining("product P-7: http").isEmpty()
                        && !logs.linesContaining("product P-8 failed:").isEmpty());
            } finally {
                main.stop();
            }
            assertThat(logs.lines()).noneMatch(line -> line.contains(KEY));
        }
    }

    /**
     * The failure README warns about: a placeholder in a URI whose JSON closes with "}}" makes Camel's property parser
     * fail and print the URI as resolved. With the key read by the component, that URI holds no key.
     */
    @Test
    void aUriCamelCannotParseShowsNoKeyWhenTheComponentReadsTheKey() {
        Main main = mainWith(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad").to("claid:edit?baseUrl={{claid.base-url}}"
                        + "&operations=RAW({\"resizing\":{\"width\":800}})");
            }
        });
        main.addOverrideProperty("claid.base-url", claid.baseUrl());
        assertThatThrownBy(main::start)
                .satisfies(e -> assertThat(chain(e)).contains("Missing {{").doesNotContain(KEY));
        main.stop();
    }

    /**
     * Camel Main as README configures it: the key in CLAID_API_KEY, read by the component (this process's environment
     * cannot be changed, so the component is given a lookup that answers as that environment would).
     */
    private static Main mainWith(RoutesBuilder routes) {
        ClaidComponent component = new ClaidComponent();
        component.setEnvironment(name -> ClaidComponent.API_KEY_VARIABLE.equals(name) ? KEY : null);
        Main main = new Main();
        main.bind("claid", component);
        main.configure().addRoutesBuilder(routes);
        main.addOverrideProperty("camel.component.claid.base-url", claid.baseUrl());
        main.addOverrideProperty("camel.component.claid.task-poll-interval", "50ms");
        return main;
    }

    private static String javaBlockUnder(String heading) throws IOException {
        String readme = Files.readString(readme());
        int section = readme.indexOf("\n" + heading + "\n");
        assertThat(section).as("README.md has a section " + heading).isPositive();
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find(section)).as("a java block under " + heading).isTrue();
        return block.group(1);
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("src/camel-claid"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("the repository's README.md is not above " + Path.of("").toAbsolutePath());
    }

    private RoutesBuilder compile(String snippet) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/readme"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = sources.resolve("ReadmeRoutes.java");
        Files.writeString(file, "package readme;\n"
                + "public class ReadmeRoutes extends org.apache.camel.builder.RouteBuilder {\n"
                + "    @Override\n    public void configure() {\n" + snippet + "\n    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as("README's routes compile:\n" + errors).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
        return (RoutesBuilder) loader.loadClass("readme.ReadmeRoutes").getDeclaredConstructor().newInstance();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\") + "\"";
    }

    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

}
