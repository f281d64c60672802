package io.github.camelclaid.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The {@code Authorization} header, written to the wire in full but shown masked. HttpClient's header logger
 * ({@code org.apache.hc.client5.http.headers} at DEBUG) prints each header with {@code toString()}, so a plain header
 * would put the API key in the logs of anyone debugging a route. It is also flagged sensitive, which keeps it out of
 * HTTP/2 header compression tables.
 */
final class BearerHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    BearerHeader(String apiKey) {
        super("Authorization", "Bearer " + apiKey, true);
    }

    @Override
    public String toString() {
        return "Authorization: Bearer ********";
    }
}
