package dev.campaignfn.functions.automation;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What invokes {@code migrate}: a manual or scheduled invocation (any JSON), or a CloudFormation custom
 * resource request at deploy time, which carries where to send the outcome ({@code ResponseURL}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MigrateInvocation(@JsonProperty("RequestType") String requestType, @JsonProperty("ResponseURL") String responseUrl,
        @JsonProperty("StackId") String stackId, @JsonProperty("RequestId") String requestId,
        @JsonProperty("LogicalResourceId") String logicalResourceId, @JsonProperty("PhysicalResourceId") String physicalResourceId,
        @JsonProperty("ResourceProperties") Map<String, Object> resourceProperties) {

    boolean fromCloudFormation() {
        return responseUrl != null && requestType != null;
    }
}
