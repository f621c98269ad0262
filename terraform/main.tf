provider "aws" {}

data "aws_secretsmanager_secret_version" "database" {
  secret_id = var.database_secret_arn
}

locals {
  database = jsondecode(data.aws_secretsmanager_secret_version.database.secret_string)
  database_environment = {
    QUARKUS_DATASOURCE_JDBC_URL = var.database_jdbc_url
    QUARKUS_DATASOURCE_USERNAME = local.database.username
    QUARKUS_DATASOURCE_PASSWORD = local.database.password
  }
}

module "campaigns" {
  source             = "./modules/function"
  name               = "${var.name}-campaigns"
  description        = "Campaign CRUD, lifecycle, channels, budgets and spend ledger, KPIs, content plan, plans"
  zip_file           = "${var.artifacts_dir}/functions/campaigns/target/function.zip"
  environment        = local.database_environment
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "automation_lifecycle" {
  source             = "./modules/function"
  name               = "${var.name}-lifecycle"
  description        = "Scheduled launches and completions (the lifecycle job)"
  zip_file           = "${var.artifacts_dir}/functions/automation/target/function.zip"
  environment        = merge(local.database_environment, { QUARKUS_LAMBDA_HANDLER = "lifecycle" })
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "migrate" {
  source             = "./modules/function"
  name               = "${var.name}-migrate"
  description        = "Applies the Flyway migrations; invoke once per release"
  zip_file           = "${var.artifacts_dir}/functions/automation/target/function.zip"
  timeout            = 300
  environment        = merge(local.database_environment, { QUARKUS_LAMBDA_HANDLER = "migrate" })
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.http.id
  name             = "jwt"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  jwt_configuration {
    issuer   = var.jwt_issuer
    audience = var.jwt_audience
  }
}

resource "aws_apigatewayv2_integration" "campaigns" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = module.campaigns.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "campaigns" {
  for_each           = toset(["ANY /v1/marketing/admin/campaigns", "ANY /v1/marketing/admin/campaigns/{proxy+}", "ANY /v1/marketing/admin/plans/{proxy+}"])
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = each.value
  target             = "integrations/${aws_apigatewayv2_integration.campaigns.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
}

resource "aws_lambda_permission" "campaigns" {
  statement_id  = "AllowHttpApi"
  action        = "lambda:InvokeFunction"
  function_name = module.campaigns.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

resource "aws_scheduler_schedule" "lifecycle" {
  name                = "${var.name}-lifecycle"
  schedule_expression = "rate(5 minutes)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = module.automation_lifecycle.function_arn
    role_arn = aws_iam_role.scheduler.arn
  }
}

resource "aws_iam_role" "scheduler" {
  name = "${var.name}-scheduler"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "scheduler.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "scheduler" {
  role = aws_iam_role.scheduler.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = [module.automation_lifecycle.function_arn] }]
  })
}
