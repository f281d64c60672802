package io.github.camelclaid.examples.quarkus;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelclaid.component.ClaidConstants;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Message;

/**
 * What became of each async edit, by Claid task id, as the tasks or the webhook route reported it. An application
 * would store the image (the routes have its bytes) or tell the shop; this one keeps a line to show over HTTP.
 */
@ApplicationScoped
public class FinishedPhotos {

    /** One finished task: Claid's status, the image's size when DONE, the product and which route reported it. */
    public record Finished(String status, Integer width, Integer height, String sku, String reportedBy) {

        String describe() {
            String size = width == null ? "" : " " + width + "x" + height;
            return status + size + " " + sku + " via " + reportedBy;
        }
    }

    private final Map<Long, Finished> byTask = new ConcurrentHashMap<>();

    void record(Message report, String reportedBy) {
        long task = report.getHeader(ClaidConstants.TASK_ID, Long.class);
        byTask.put(task, new Finished(report.getHeader(ClaidConstants.TASK_STATUS, String.class),
                report.getHeader(ClaidConstants.OUTPUT_WIDTH, Integer.class),
                report.getHeader(ClaidConstants.OUTPUT_HEIGHT, Integer.class),
                report.getHeader(PhotoRoutes.SKU_HEADER, String.class), reportedBy));
    }

    Optional<Finished> of(long task) {
        return Optional.ofNullable(byTask.get(task));
    }
}
