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
 * reads it and PostgreSQL refuses the statement. (Bodies are checked by the JSON parser, headers' identities by
 * {@link Actors}.)
 */
public class ParameterTextFilter {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        checkQuery(request.getUriInfo().getQueryParameters(true));
        checkPath(request.getUriInfo().getPathSegments(true).stream().map(s -> s.getPath()).toList());
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

    private static void checkPath(List<String> segments) {
        for (String segment : segments) {
            String problem = StorableText.problem(segment);
            if (problem != null) {
                throw ValidationException.of("path", problem);
            }
        }
    }
}
