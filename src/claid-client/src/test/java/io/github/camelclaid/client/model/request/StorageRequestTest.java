package io.github.camelclaid.client.model.request;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageRequestTest {

    @Test
    void s3StorageMatchesClaidsDocsExample() {
        StorageRequest request = StorageRequest.builder()
                .name("s3-playground")
                .parameters(S3Parameters.builder()
                        .bucket("playground")
                        .credentials(StorageCredentials.of("AKIAEXAMPLE", "secret-example"))
                        .build())
                .build();
        assertEquals("StorageIn_Pydantic", request.schemaName());
        assertJson("""
                {"name":"s3-playground","type":"s3",
                 "parameters":{"bucket":"playground",
                               "credentials":{"access_key":"AKIAEXAMPLE","secret_access_key":"secret-example"}}}
                """, request);
        assertValid(request);
    }

    @Test
    void everyStorageKindValidates() {
        StorageRequest s3 = StorageRequest.builder().name("products")
                .parameters(S3Parameters.builder().bucket("acme-products").path("catalog/")
                        .credentials(StorageCredentials.of("AKIAEXAMPLE", "secret-example")).build())
                .build();
        StorageRequest gcs = StorageRequest.builder().name("gcs-assets")
                .parameters(GcsParameters.builder().bucket("acme-assets").path("")
                        .credentials(StorageCredentials.of("GOOGEXAMPLE", "secret-example")).build())
                .build();
        StorageRequest web = StorageRequest.builder().name("cdn")
                .parameters(WebFolderParameters.of("https://cdn.example.com/images/"))
                .build();
        assertEquals(StorageType.GCS, gcs.getType());
        assertJson("""
                {"name":"cdn","type":"web_folder","parameters":{"base_url":"https://cdn.example.com/images/"}}
                """, web);
        assertValid(s3);
        assertValid(gcs);
        assertValid(web);
    }

    @Test
    void updateSendsOnlyWhatChanges() {
        StorageUpdateRequest rotateSecret = StorageUpdateRequest.builder()
                .parameters(S3Parameters.builder().credentials(StorageCredentials.of(null, "new-secret")).build())
                .build();
        assertEquals("StorageInUpdate_Pydantic", rotateSecret.schemaName());
        assertJson("{\"parameters\":{\"credentials\":{\"secret_access_key\":\"new-secret\"}}}", rotateSecret);
        assertValid(rotateSecret);

        StorageUpdateRequest rename = StorageUpdateRequest.builder().name("products-eu").type(StorageType.GCS)
                .parameters(GcsParameters.builder().bucket("acme-eu").build()).build();
        assertJson("{\"name\":\"products-eu\",\"type\":\"gcs\",\"parameters\":{\"bucket\":\"acme-eu\"}}", rename);
        assertValid(rename);
        assertValid(StorageUpdateRequest.builder().build());
        assertValid(StorageUpdateRequest.builder().parameters(WebFolderParameters.of("https://cdn.example.com/"))
                .build());
    }

    @Test
    void toStringHidesTheSecret() {
        StorageRequest request = StorageRequest.builder().name("s3")
                .parameters(S3Parameters.builder().bucket("b")
                        .credentials(StorageCredentials.of("AKIAEXAMPLE", "top-secret-value")).build())
                .build();
        assertFalse(request.toString().contains("top-secret-value"));
        assertTrue(request.toString().contains("AKIAEXAMPLE"));
    }
}
