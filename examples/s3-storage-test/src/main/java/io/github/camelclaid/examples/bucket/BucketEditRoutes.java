package io.github.camelclaid.examples.bucket;

import org.apache.camel.builder.RouteBuilder;

/**
 * Every image put under the input prefix of the input bucket is edited by Claid, which reads it from that bucket
 * through one storage connector and writes the result into another bucket through a second one: the image's bytes
 * never pass through this application. The S3 consumer deletes the original once Claid has answered.
 */
public class BucketEditRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("aws2-s3://{{edit.input-bucket}}?prefix={{edit.input-prefix}}&ignoreBody=true&includeFolders=false"
                + "&delay={{edit.poll-delay}}")
            .routeId("bucket-edit")
            // the same object as Claid sees it: the connector's name, then the key in its bucket
            .setBody(simple("storage://{{edit.input-storage}}/${header.CamelAwsS3Key}"))
            .to("claid:edit?operations={{edit.operations}}&output=storage://{{edit.output-storage}}/edited/")
            .log("${header.CamelAwsS3Key} edited by Claid into ${header.CamelClaidOutputUrl}, "
                    + "${header.CamelClaidOutputWidth}x${header.CamelClaidOutputHeight}");
    }
}
