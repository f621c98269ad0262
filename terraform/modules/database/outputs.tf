output "jdbc_url" {
  description = "JDBC URL the functions connect with (through the RDS Proxy when the module created the database)."
  value       = var.create ? "jdbc:postgresql://${aws_db_proxy.this[0].endpoint}:5432/campaigns" : var.existing_jdbc_url
}

output "username" {
  description = "Database user."
  value       = jsondecode(data.aws_secretsmanager_secret_version.credentials.secret_string).username
  sensitive   = true
}

output "password" {
  description = "Database password."
  value       = jsondecode(data.aws_secretsmanager_secret_version.credentials.secret_string).password
  sensitive   = true
}
