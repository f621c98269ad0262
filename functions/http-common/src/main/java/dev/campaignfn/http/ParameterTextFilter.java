package dev.campaignfn.http;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.campaignfn.common.StorableText;
import dev.campaignfn.common.ValidationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Holds path and query parameters to the rule API bodies follow ({@link StorableText}): a NUL ({@code %00}), another
 * control character or a lone surrogate in a filter, a slug or an id is a 400 naming the parameter, before a route
 * reads it and PostgreSQL refuses the statement. (The pixel's parameters are its event's fields, checked by
 * EventNormalizer, since it must answer its image. Bodies are checked by the JSON parser, headers' identities by
 * {@link Actors}.)
 */
public class ParameterTextFilter {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("/t.gif")) {
            return; // the pixel answers its image whatever it is sent; its event refuses such text field by field
        }
        checkQuery(request.getUriInfo().getQueryParameters(true));
        // the decoded path as it is (getPathSegments(true) would decode it a second time: "%25" fails as "%")
        String problem = StorableText.problem(request.getUriInfo().getPath());
        if (problem != null) {
            throw ValidationException.of("path", problem);
        }
    }

    private static void checkQuery(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String problem = StorableText.problem(parameter.getKey());
            if (problem != null) {
                throw ValidationException.of("query", "has a parameter name that " + problem);
            }
            for (String value : parameter.getValue()) {
                problem = StorableText.problem(value);
                if (problem != null) {
                    throw ValidationException.of(parameter.getKey(), problem);
                }
            }
        }
    }
}
