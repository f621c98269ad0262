variable "name" {
  description = "Name of the HTTP API."
  type        = string
}

variable "jwt_issuer" {
  description = "Issuer (iss) of the tokens the JWT authorizer accepts."
  type        = string
}

variable "jwt_audience" {
  description = "Accepted audiences of those tokens."
  type        = list(string)
}

variable "cors_origin" {
  description = "The dashboard's origin, allowed by CORS."
  type        = string
}

variable "functions" {
  description = "The HTTP functions: name => { function_name, invoke_arn }."
  type = map(object({
    function_name = string
    invoke_arn    = string
  }))
}

variable "routes" {
  description = "Route key (\"GET /v1/...\") => { function (a key of functions), public (no JWT), throttled (the tracking limits) }."
  type = map(object({
    function  = string
    public    = bool
    throttled = bool
  }))
}

variable "tracking_rate_limit" {
  description = "Steady requests per second on each throttled (tracking) route."
  type        = number
}

variable "tracking_burst_limit" {
  description = "Burst on each throttled (tracking) route."
  type        = number
}
