package io.github.camelclaid.client;

import org.apache.hc.core5.http.Header;

/** A complete HTTP answer as the transport received it, before it is judged a success or an error. */
record HttpAnswer(int status, Header[] headers, byte[] body, String contentType, int attempts) {

    HttpAnswer afterAttempts(int attempts) {
        return new HttpAnswer(status, headers, body, contentType, attempts);
    }

    /** A header's value, matched without regard to case; null when absent. */
    String header(String name) {
        for (Header h : headers) {
            if (h.getName().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
