package io.github.camelclaid.testserver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} over an S3-compatible endpoint (region us-east-1, path-style addressing), with the AWS SDK v2.
 * Only this class names SDK types; it is loaded only when an endpoint is configured.
 */
final class S3ObjectStore implements ObjectStore {

    static final String REGION = "us-east-1";

    private final URI endpoint;
    private final S3Client client;

    S3ObjectStore(URI endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.client = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                // named, not discovered: the SDK refuses to choose when more than one HTTP client is on the classpath
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    @Override
    public byte[] get(String bucket, String key) {
        try {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw failure("GET", bucket, key, e);
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        try {
            client.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("PUT", bucket, key, e);
        }
    }

    @Override
    public List<String> keys(String bucket, String prefix) {
        try {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).sorted().toList();
        } catch (SdkException e) {
            throw failure("LIST", bucket, prefix, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private Failure failure(String action, String bucket, String key, SdkException e) {
        String reason;
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            reason = (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")";
        } else {
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Failure(action + " s3://" + bucket + "/" + key + " at " + endpoint + " failed: " + reason, e);
    }
}
