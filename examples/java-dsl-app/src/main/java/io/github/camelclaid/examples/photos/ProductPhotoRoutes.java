package io.github.camelclaid.examples.photos;

import io.github.camelclaid.component.ClaidConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Two routes joined by Claid's task ledger rather than by a waiting thread: one submits a task per product and moves
 * on at once, the other writes each result when Claid has finished it, seconds or minutes later, even after a
 * restart.
 */
public class ProductPhotoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{app.inbox}}?include=.*\\.csv&move=.done&moveFailed=.failed")
            .routeId("product-feed")
            .log("feed ${header.CamelFileName}: submitting its products to Claid")
            .split(body().tokenize("\n")).streaming()
                // the first line names the columns: sku,image_url
                .filter(simple("${header.CamelSplitIndex} > 0 && ${body.trim()} != ''"))
                    .process(ProductPhotoRoutes::readProduct)
                    // A feed is read again when the application stopped before it was done, or when it failed
                    // half-way and is dropped in again. Naming the work lets the producer reuse the task submitted
                    // the first time instead of paying Claid twice for the same photo.
                    .setHeader(ClaidConstants.REQUEST_KEY, simple("${header.ProductSku} ${body}"))
                    // The task is recorded in the ledger with the Product* headers, which come back on the
                    // exchange that reports the task in the route below.
                    .to("claid:editAsync?operations={{app.operations}}&output={{app.output}}"
                            + "&correlationHeaders=Product*")
                    .log("${header.ProductSku}: Claid task ${header.CamelClaidTaskId}")
                .end()
            .end();

        // Every task of the ledger, reported once when it has ended, with the image's bytes downloaded.
        from("claid:tasks?downloadOutput=true")
            .routeId("product-photos")
            .choice()
                .when(header(ClaidConstants.TASK_STATUS).isEqualTo("DONE"))
                    .setHeader(Exchange.FILE_NAME,
                            simple("${header.ProductSku}.${header.CamelClaidOutputFormat.toLowerCase()}"))
                    .to("file:{{app.outbox}}")
                    .log("${header.ProductSku}: ${header.CamelFileName}, "
                            + "${header.CamelClaidOutputWidth}x${header.CamelClaidOutputHeight}")
                .otherwise()
                    // ERROR, CANCELLED or PAUSED: nothing to download, keep what Claid said for a person to read
                    .setHeader(Exchange.FILE_NAME, simple("${header.ProductSku}.txt"))
                    .setBody(simple("${header.ProductSku} (${header.ProductFeed}): Claid task "
                            + "${header.CamelClaidTaskId} ended ${header.CamelClaidTaskStatus}\n"
                            + "${header.CamelClaidTaskErrors}\n"))
                    .to("file:{{app.outbox}}/failed")
                    .log(LoggingLevel.WARN, "${header.ProductSku}: Claid task ${header.CamelClaidTaskId} ended "
                            + "${header.CamelClaidTaskStatus}, see failed/${header.CamelFileName}")
            .end();
    }

    /** One line of a feed, {@code sku,image_url}, as the headers that name the product and the URL Claid reads. */
    static void readProduct(Exchange exchange) {
        Message message = exchange.getMessage();
        String[] fields = message.getBody(String.class).split(",", 2);
        if (fields.length < 2 || fields[0].isBlank() || fields[1].isBlank()) {
            throw new IllegalArgumentException("Line " + (message.getHeader(Exchange.SPLIT_INDEX, Integer.class) + 1)
                    + " of " + message.getHeader(Exchange.FILE_NAME) + " is not sku,image_url: "
                    + message.getBody(String.class));
        }
        message.setHeader("ProductSku", fields[0].trim());
        message.setHeader("ProductFeed", message.getHeader(Exchange.FILE_NAME));
        message.setBody(fields[1].trim());
    }
}
