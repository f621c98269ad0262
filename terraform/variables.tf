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

variable "database_jdbc_url" {
  description = "JDBC URL of the PostgreSQL database (for example through an RDS Proxy endpoint)."
  type        = string
}

variable "database_secret_arn" {
  description = "Secrets Manager secret holding the database username and password (keys username, password)."
  type        = string
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
