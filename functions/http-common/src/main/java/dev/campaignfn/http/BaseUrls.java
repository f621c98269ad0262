package dev.campaignfn.http;

import jakarta.ws.rs.core.UriInfo;

/** A store's URL made usable by the caller: the local store answers paths on this API, S3 absolute URLs. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /** The URL as it is when absolute (or absent), else resolved against this request's base URL. */
    public static String absolute(UriInfo uri, String url) {
        if (url == null || !url.startsWith("/")) {
            return url;
        }
        return uri.getBaseUri().toString().replaceAll("/+$", "") + url;
    }
}
