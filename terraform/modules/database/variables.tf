variable "name" {
  description = "Prefix of the database resources' names."
  type        = string
}

variable "create" {
  description = "true: create an Aurora PostgreSQL Serverless v2 cluster, its secret and an RDS Proxy; false: use existing_jdbc_url and existing_secret_arn."
  type        = bool
}

variable "existing_jdbc_url" {
  description = "create = false: JDBC URL of the database (the RDS Proxy endpoint when there is one)."
  type        = string
  default     = ""
}

variable "existing_secret_arn" {
  description = "create = false: Secrets Manager secret with the username and password."
  type        = string
  default     = ""
}

variable "subnet_ids" {
  description = "Private subnets of the cluster and the proxy."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the cluster and the proxy (they must accept the functions on 5432)."
  type        = list(string)
}

variable "max_capacity" {
  description = "Largest Aurora Serverless v2 capacity (ACUs)."
  type        = number
  default     = 8
}
