output "api_url" {
  description = "Base URL of the HTTP API."
  value       = module.http_api.api_url
}

output "exports_bucket" {
  description = "The bucket export jobs write to."
  value       = module.exports_bucket.bucket
}

output "migrate_function" {
  description = "The function to invoke once per release before the HTTP functions take traffic."
  value       = module.migrate.function_name
}

output "dashboard_bucket" {
  description = "With deploy_dashboard: the bucket to upload dashboard/target/classes/META-INF/resources/ to (the page is then at api_url/)."
  value       = var.deploy_dashboard ? module.dashboard[0].bucket : null
}
