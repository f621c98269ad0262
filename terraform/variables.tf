variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "campaign-functions"
}

variable "artifacts_dir" {
  description = "Directory holding the built project (the repository root): each function deploys functions/<name>/target/function.zip as built."
  type        = string
  default     = ".."
}

variable "jwt_issuer" {
  description = "Issuer (iss) of the tokens the HTTP API's JWT authorizer accepts."
  type        = string
}

variable "jwt_audience" {
  description = "Accepted audiences (aud / client ids) of those tokens."
  type        = list(string)
}

variable "create_database" {
  description = "true: create an Aurora PostgreSQL Serverless v2 cluster with its secret and an RDS Proxy; false: use database_jdbc_url and database_secret_arn."
  type        = bool
  default     = false
}

variable "database_jdbc_url" {
  description = "create_database = false: JDBC URL of the PostgreSQL database (for example through an RDS Proxy endpoint)."
  type        = string
  default     = ""
}

variable "database_secret_arn" {
  description = "create_database = false: Secrets Manager secret holding the database username and password (keys username, password)."
  type        = string
  default     = ""
}

variable "native" {
  description = "true (the default) deploys the native builds (./mvnw package -Pnative: functions/*/target/native/function.zip) on provided.al2023; false the JVM builds (functions/*/target/function.zip) on java21."
  type        = bool
  default     = true
}

variable "snap_start" {
  description = "JVM only (native = false): SnapStart on published versions."
  type        = bool
  default     = false
}

variable "cors_origin" {
  description = "The dashboard's origin, allowed by CORS on the HTTP API."
  type        = string
  default     = "http://localhost:8080"
}

variable "tracking_rate_limit" {
  description = "Steady requests per second API Gateway lets through to each tracking route."
  type        = number
  default     = 500
}

variable "tracking_burst_limit" {
  description = "Burst of requests API Gateway lets through to each tracking route."
  type        = number
  default     = 1000
}

variable "subnet_ids" {
  description = "Private subnets the functions run in; they must reach the database."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the functions; the database must accept them."
  type        = list(string)
}

variable "log_retention_days" {
  description = "How long each function's logs are kept."
  type        = number
  default     = 30
}

variable "release" {
  description = "Change it (a version, a commit) to run the migrations again; they also run when the automation zip changes."
  type        = string
  default     = "1"
}

variable "deploy_dashboard" {
  description = "Add the dashboard page: static files in a website bucket, served through the HTTP API at / (same origin as the API)."
  type        = bool
  default     = false
}

variable "integrations_secret_key" {
  description = "Base64 of 32 random bytes (openssl rand -base64 32) sealing the analytics integrations' secrets; empty: none can be created."
  type        = string
  default     = ""
  sensitive   = true
}

variable "ads_required_platforms" {
  description = "Channel platforms (comma-separated: facebook, instagram, google, youtube, email) that cannot launch without a working connection; empty: none."
  type        = string
  default     = ""
}
