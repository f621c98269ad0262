package dev.campaignfn.http;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.ws.rs.core.HttpHeaders;

/** The answers routes give with status and headers beyond 200 + body. */
public final class Responses {

    private Responses() {
    }

    /** 201 with the new resource's Location and, when it has one, its version as ETag. */
    public static <T> RestResponse<Envelope<T>> created(String location, T body, Long version) {
        RestResponse.ResponseBuilder<Envelope<T>> builder = RestResponse.ResponseBuilder.<Envelope<T>> created(URI.create(location))
                .entity(Envelope.of(body));
        if (version != null) {
            builder.header(HttpHeaders.ETAG, Versions.etag(version));
        }
        return builder.build();
    }

    /** 200 with the resource's version as ETag. */
    public static <T> RestResponse<Envelope<T>> versioned(T body, long version) {
        return RestResponse.ResponseBuilder.ok(Envelope.of(body)).header(HttpHeaders.ETAG, Versions.etag(version)).build();
    }
}
