package io.github.camelclaid.examples.studio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelclaid.component.ClaidConstants;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The async edits Claid has finished, by task id, as {@code GET /photos/jobs/{taskId}} shows them. Kept in memory to
 * keep the example short: an application of its own would write them where its users look (a database, a bucket).
 */
@Component("finishedJobs")
public class FinishedJobs {

    private final Map<Long, Map<String, Object>> jobs = new ConcurrentHashMap<>();

    /** Called by the route that learnt the task ended: the claid:tasks poller or the claid:webhook receiver. */
    public void finished(@Header(ClaidConstants.TASK_ID) long taskId,
            @Header(ClaidConstants.TASK_STATUS) String status,
            @Header(ClaidConstants.OUTPUT_URL) String outputUrl,
            @Header(PhotoRoutes.REFERENCE) String reference,
            @Header(PhotoRoutes.REPORTED_BY) String reportedBy) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("taskId", taskId);
        job.put("status", status);
        job.put("reference", reference);
        job.put("outputUrl", outputUrl);
        job.put("reportedBy", reportedBy);
        jobs.put(taskId, job);
    }

    /** The job, or null while Claid is still working on it (or for a task this application never submitted). */
    public Map<String, Object> find(@Header("taskId") long taskId) {
        return jobs.get(taskId);
    }
}
