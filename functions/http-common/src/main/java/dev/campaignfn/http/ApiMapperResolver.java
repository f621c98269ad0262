package dev.campaignfn.http;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.common.ApiJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Gives the REST layer the API's JSON conventions ({@link ApiJson}) without touching the default mapper. */
@Provider
public class ApiMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper api;

    @Inject
    public ApiMapperResolver(ObjectMapper base) {
        this.api = ApiJson.from(base);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return api;
    }
}
