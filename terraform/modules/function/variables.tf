variable "name" {
  description = "Function name."
  type        = string
}

variable "description" {
  description = "What the function does."
  type        = string
}

variable "zip_file" {
  description = "Path of the prebuilt function.zip, deployed as it is."
  type        = string
}

variable "handler" {
  description = "Lambda handler: Quarkus's stream handler in JVM mode."
  type        = string
  default     = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
}

variable "runtime" {
  description = "java21 for JVM builds, provided.al2023 for native builds."
  type        = string
  default     = "java21"
}

variable "memory_size" {
  description = "Memory in MB (CPU grows with it)."
  type        = number
  default     = 1024
}

variable "timeout" {
  description = "Seconds before an invocation is stopped."
  type        = number
  default     = 30
}

variable "environment" {
  description = "Environment variables of the function."
  type        = map(string)
  default     = {}
}

variable "subnet_ids" {
  description = "Subnets the function runs in."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the function."
  type        = list(string)
}

variable "log_retention_days" {
  description = "How long the function's logs are kept."
  type        = number
}

variable "policy_json" {
  description = "An IAM policy (JSON) the function needs beyond its logs and VPC access, or null."
  type        = string
  default     = null
}

variable "snap_start" {
  description = "JVM only: publish versions and let SnapStart snapshot them."
  type        = bool
  default     = false
}
