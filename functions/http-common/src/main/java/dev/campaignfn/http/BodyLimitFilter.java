package dev.campaignfn.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses bodies over the route's limit with a 413 problem, before anything parses them: by the
 * declared length when there is one, and by counting the bytes read when there is not (non-blocking
 * routes, whose body the I/O thread reads, need the declared length).
 */
public class BodyLimitFilter {

    @ConfigProperty(name = "campaignfn.http.max-body-bytes", defaultValue = "1048576")
    long defaultLimit;

    @ServerRequestFilter
    public void limit(ContainerRequestContext request, ResourceInfo resource) {
        // getResourceMethod() is called here, in the filter method itself, on purpose: Quarkus REST reads the
        // filter method's bytecode for that call and only then registers every resource method for reflection;
        // from a helper it goes unseen, and a native image answers 500 (NoSuchMethodException) on unregistered routes
        long limit = limitFor(resource == null ? null : resource.getResourceMethod(), resource == null ? null : resource.getResourceClass());
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    throw new PayloadTooLargeException(limit);
                }
            } catch (NumberFormatException e) {
                // a malformed length is left to the body reader, which reads no further than the limit
            }
        }
        if (!request.hasEntity()) {
            return;
        }
        if (Context.isOnEventLoopThread()) {
            // a non-blocking route's body is read by the I/O thread: it must say its length up front (a request with
            // neither a length nor chunked encoding has no body at all, and is answered as an empty one is)
            if (declared == null && request.getHeaderString("Transfer-Encoding") != null) {
                throw new WebApplicationException(Problem.of(Response.Status.LENGTH_REQUIRED, "length-required",
                        "Length required", "this route needs a Content-Length header", request.getUriInfo().getPath())
                        .toResponse());
            }
        } else {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    private long limitFor(Method method, Class<?> resourceClass) {
        if (method != null) {
            BodyLimit own = method.getAnnotation(BodyLimit.class);
            if (own == null && resourceClass != null) {
                own = resourceClass.getAnnotation(BodyLimit.class);
            }
            if (own != null) {
                return own.value();
            }
        }
        return defaultLimit;
    }

    /** Counts what is read and stops at the limit. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
