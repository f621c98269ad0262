provider "aws" {}

module "database" {
  source              = "./modules/database"
  name                = var.name
  create              = var.create_database
  existing_jdbc_url   = var.database_jdbc_url
  existing_secret_arn = var.database_secret_arn
  subnet_ids          = var.subnet_ids
  security_group_ids  = var.security_group_ids
}

module "exports_bucket" {
  source = "./modules/exports_bucket"
  name   = "${var.name}-exports"
}

locals {
  # native zips (./mvnw package -Pnative) are written beside the JVM ones, under target/native/
  zip = { for m in ["campaigns", "tracking", "analytics", "exports", "automation"] : m => "${var.artifacts_dir}/functions/${m}/target/${var.native ? "native/" : ""}function.zip" }
  environment = merge({
    QUARKUS_DATASOURCE_JDBC_URL = module.database.jdbc_url
    QUARKUS_DATASOURCE_USERNAME = module.database.username
    QUARKUS_DATASOURCE_PASSWORD = module.database.password
    # the key the analytics integrations' secrets are sealed with (empty: integrations cannot be created)
    CAMPAIGNFN_INTEGRATIONS_SECRET_KEY = var.integrations_secret_key
    # channel platforms that cannot launch without a working connection (empty: none)
    CAMPAIGNFN_ADS_REQUIRED_PLATFORMS = var.ads_required_platforms
    # SnapStart restores a snapshot: validate pooled connections when they are borrowed
    QUARKUS_DATASOURCE_JDBC_VALIDATE_ON_BORROW = "true"
    }, var.native ? {
    # native: Lambda's runtime, not the executable, handles the process's signals
    DISABLE_SIGNAL_HANDLERS = "true"
  } : {})
  # a native function peaks near 100 MB (docs/deployment.md, Cold starts); Lambda gives CPU in proportion to memory
  memory_size         = var.native ? 512 : 1024
  export_memory_size  = var.native ? 1024 : 1536
  snap_start          = var.snap_start && !var.native
  exports_environment = merge(local.environment, { CAMPAIGNFN_EXPORTS_STORE = "s3", CAMPAIGNFN_EXPORTS_BUCKET = module.exports_bucket.bucket })
  runtime             = var.native ? "provided.al2023" : "java21"
  handler             = var.native ? "not.used.in.native" : "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
  exports_read = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "${module.exports_bucket.arn}/*" }]
  })
  exports_write = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource = "${module.exports_bucket.arn}/*" }]
  })
  # the automation function's jobs: handler => schedule (migrate has none: the deployment invokes it)
  jobs = {
    lifecycle    = { expression = "rate(5 minutes)", timeout = 300, description = "Scheduled launches and completions" }
    rules        = { expression = "rate(5 minutes)", timeout = 300, description = "Evaluates the automation rules of active campaigns" }
    alerts       = { expression = "rate(5 minutes)", timeout = 300, description = "Budget alerts and webhook delivery" }
    maintenance  = { expression = "cron(30 3 * * ? *)", timeout = 900, description = "Partitions ahead, rollup fold, expired exports purged" }
    rollup       = { expression = "rate(1 minute)", timeout = 300, description = "Folds new events into the rollups" }
    exports      = { expression = "rate(1 minute)", timeout = 900, description = "Runs queued export jobs, delivers scheduled reports" }
    integrations = { expression = "rate(1 minute)", timeout = 300, description = "Forwards events to GA4, Mixpanel, Amplitude, Segment" }
    imports      = { expression = "rate(1 minute)", timeout = 900, description = "Imports the queued spend and event files" }
    ads          = { expression = "rate(5 minutes)", timeout = 300, description = "Pushes channel changes to Meta, Google Ads, e-mail; pulls spend" }
  }
}

module "campaigns" {
  source      = "./modules/function"
  name        = "${var.name}-campaigns"
  description = "Campaign CRUD, lifecycle, channels, budgets and spend ledger, KPIs, content plan, plans, rules, alerts, imports"
  zip_file    = local.zip["campaigns"]
  runtime     = local.runtime
  handler     = local.handler
  memory_size = local.memory_size
  snap_start  = local.snap_start
  # import files wait in the exports bucket: uploaded through presigned URLs, or written from a request body
  environment        = local.exports_environment
  policy_json        = local.exports_write
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "tracking" {
  source             = "./modules/function"
  name               = "${var.name}-tracking"
  description        = "Public event ingestion (single, batch, pixel, tracked-link redirect)"
  zip_file           = local.zip["tracking"]
  runtime            = local.runtime
  handler            = local.handler
  memory_size        = local.memory_size
  snap_start         = local.snap_start
  environment        = local.environment
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "analytics" {
  source             = "./modules/function"
  name               = "${var.name}-analytics"
  description        = "Campaign reports, comparison, ROI, dashboard, attribution and the live event stream"
  zip_file           = local.zip["analytics"]
  runtime            = local.runtime
  handler            = local.handler
  memory_size        = local.memory_size
  snap_start         = local.snap_start
  environment        = local.environment
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "exports" {
  source             = "./modules/function"
  name               = "${var.name}-exports"
  description        = "CSV and XLSX exports; large ones queued as jobs with presigned download URLs"
  zip_file           = local.zip["exports"]
  runtime            = local.runtime
  handler            = local.handler
  memory_size        = local.memory_size
  snap_start         = local.snap_start
  environment        = local.exports_environment
  policy_json        = local.exports_read
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "automation" {
  for_each           = local.jobs
  source             = "./modules/function"
  name               = "${var.name}-${each.key}"
  description        = each.value.description
  zip_file           = local.zip["automation"]
  runtime            = local.runtime
  handler            = local.handler
  memory_size        = contains(["exports", "imports"], each.key) ? local.export_memory_size : local.memory_size
  timeout            = each.value.timeout
  environment        = merge(contains(["exports", "maintenance", "imports"], each.key) ? local.exports_environment : local.environment, { QUARKUS_LAMBDA_HANDLER = each.key })
  policy_json        = contains(["exports", "maintenance", "imports"], each.key) ? local.exports_write : null
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

module "migrate" {
  source             = "./modules/function"
  name               = "${var.name}-migrate"
  description        = "Applies the Flyway migrations; invoke once per release before the HTTP functions take traffic"
  zip_file           = local.zip["automation"]
  runtime            = local.runtime
  handler            = local.handler
  memory_size        = local.memory_size
  timeout            = 300
  environment        = merge(local.environment, { QUARKUS_LAMBDA_HANDLER = "migrate" })
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  log_retention_days = var.log_retention_days
}

# the migrations run at apply time (again whenever the release or the automation zip changes), before the API is built
resource "aws_lambda_invocation" "migrate" {
  function_name = module.migrate.function_name
  input         = jsonencode({ release = var.release })
  triggers = {
    release = var.release
    zip     = filebase64sha256(local.zip["automation"])
  }
}

module "http_api" {
  source               = "./modules/http_api"
  name                 = var.name
  jwt_issuer           = var.jwt_issuer
  jwt_audience         = var.jwt_audience
  cors_origin          = var.cors_origin
  tracking_rate_limit  = var.tracking_rate_limit
  tracking_burst_limit = var.tracking_burst_limit
  functions = {
    campaigns = { function_name = module.campaigns.function_name, invoke_arn = module.campaigns.invoke_arn }
    tracking  = { function_name = module.tracking.function_name, invoke_arn = module.tracking.invoke_arn }
    analytics = { function_name = module.analytics.function_name, invoke_arn = module.analytics.invoke_arn }
    exports   = { function_name = module.exports.function_name, invoke_arn = module.exports.invoke_arn }
  }
  depends_on = [aws_lambda_invocation.migrate]
  routes = {
    "ANY /v1/marketing/admin/campaigns"                 = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/campaigns/{proxy+}"        = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/plans/{proxy+}"            = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/rule-templates"            = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/rule-templates/{proxy+}"   = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/alerts"                    = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/integrations"              = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/integrations/{proxy+}"     = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/spend-imports"             = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/spend-imports/{proxy+}"    = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/event-imports"             = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/event-imports/{proxy+}"    = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/alerts/{proxy+}"           = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/webhooks"                  = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/webhooks/{proxy+}"         = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/report-schedules"          = { function = "campaigns", public = false, throttled = false }
    "ANY /v1/marketing/admin/report-schedules/{proxy+}" = { function = "campaigns", public = false, throttled = false }
    "GET /v1/marketing/admin/me"                        = { function = "campaigns", public = false, throttled = false }
    "GET /v1/marketing/admin/analytics/{proxy+}"        = { function = "analytics", public = false, throttled = false }
    "GET /v1/marketing/admin/analytics/export"          = { function = "exports", public = false, throttled = false }
    "POST /v1/marketing/admin/analytics/exports"        = { function = "exports", public = false, throttled = false }
    "GET /v1/marketing/admin/analytics/exports/{id}"    = { function = "exports", public = false, throttled = false }
    "POST /v1/marketing/track-event"                    = { function = "tracking", public = true, throttled = true }
    "POST /v1/marketing/track-events"                   = { function = "tracking", public = true, throttled = true }
    "GET /v1/marketing/t.gif"                           = { function = "tracking", public = true, throttled = true }
    "GET /v1/marketing/r/{slug}"                        = { function = "tracking", public = true, throttled = true }
  }
}

module "dashboard" {
  source = "./modules/dashboard"
  count  = var.deploy_dashboard ? 1 : 0
  name   = "${var.name}-dashboard"
  api_id = module.http_api.api_id
}

module "schedules" {
  source    = "./modules/schedules"
  name      = var.name
  schedules = { for job, spec in local.jobs : job => { function_arn = module.automation[job].function_arn, expression = spec.expression } }
}
