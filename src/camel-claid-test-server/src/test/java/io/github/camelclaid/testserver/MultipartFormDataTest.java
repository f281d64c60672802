package io.github.camelclaid.testserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The multipart parser, on the bodies real clients send and on broken ones. */
class MultipartFormDataTest {

    @Test
    void readsFilePartAndTextPartWithPreambleAndEpilogue() throws Exception {
        byte[] image = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, '-', '-' };
        byte[] body = concat("preamble to ignore\r\n--AaB03x\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"the_image\"\r\n"
                + "Content-Type: image/png\r\n\r\n", image, "\r\n--AaB03x\r\n"
                + "Content-Disposition: form-data; name=\"data\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"operations\":{}}\r\n--AaB03x--\r\nepilogue");

        MultipartFormData form = MultipartFormData.parse("multipart/form-data; boundary=AaB03x", body);

        MultipartFormData.Part file = form.part("file").orElseThrow();
        assertEquals("the_image", file.fileName());
        assertEquals("image/png", file.contentType());
        assertArrayEquals(image, file.content(), "binary content, including CRLF and dashes, is kept exactly");
        MultipartFormData.Part data = form.part("data").orElseThrow();
        assertNull(data.fileName());
        assertEquals("{\"operations\":{}}", data.text());
        assertEquals(2, form.parts().size());
    }

    @Test
    void acceptsAQuotedBoundaryAndAnExtendedFileName() throws Exception {
        byte[] body = ("--a b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fallback.jpg\"; "
                + "filename*=UTF-8''na%C3%AFve%20photo.jpg\r\n\r\nxyz\r\n--a b--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        MultipartFormData form = MultipartFormData.parse("multipart/form-data; boundary=\"a b\"", body);

        assertEquals("naïve photo.jpg", form.part("file").orElseThrow().fileName());
    }

    @Test
    void keepsSemicolonsAndEscapedQuotesInsideQuotedParameters() {
        var parameters = MultipartFormData.parameters("form-data; name=\"a;b\"; filename=\"say \\\"hi\\\".png\"");
        assertEquals("a;b", parameters.get("name"));
        assertEquals("say \"hi\".png", parameters.get("filename"));
    }

    @Test
    void refusesBrokenBodies() {
        String type = "multipart/form-data; boundary=zz";
        assertThrows(MultipartFormData.MalformedException.class,
                () -> MultipartFormData.parse("multipart/form-data", new byte[0]));
        assertThrows(MultipartFormData.MalformedException.class,
                () -> MultipartFormData.parse(type, "no boundary here".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MultipartFormData.MalformedException.class, () -> MultipartFormData.parse(type,
                "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MultipartFormData.MalformedException.class, () -> MultipartFormData.parse(type,
                "--zz\r\n\r\nno disposition\r\n--zz--".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recognisesTheContentType() {
        assertTrue(MultipartFormData.isMultipartFormData("Multipart/Form-Data; boundary=x"));
        assertTrue(!MultipartFormData.isMultipartFormData("application/json"));
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
