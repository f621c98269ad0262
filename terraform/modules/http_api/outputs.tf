output "api_url" {
  description = "Base URL of the HTTP API."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "api_id" {
  description = "Id of the HTTP API (for routes added outside this module, such as the dashboard page)."
  value       = aws_apigatewayv2_api.this.id
}
