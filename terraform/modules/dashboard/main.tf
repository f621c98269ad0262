# The dashboard page as static files (HTML, CSS, JavaScript, no data) in a website bucket, served through
# the HTTP API at / so that the page and the API share one origin. The website endpoint needs public reads
# of this bucket's objects, and nothing else is in it: the page reads every figure through the API.

data "aws_region" "current" {}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_website_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  index_document {
    suffix = "index.html"
  }
}

resource "aws_s3_bucket_policy" "read_page_files" {
  bucket     = aws_s3_bucket.this.id
  depends_on = [aws_s3_bucket_public_access_block.this]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReadThePageFiles"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.this.arn}/*"
    }]
  })
}

locals {
  website = "http://${aws_s3_bucket_website_configuration.this.website_endpoint}"
}

resource "aws_apigatewayv2_integration" "index" {
  api_id                 = var.api_id
  integration_type       = "HTTP_PROXY"
  integration_method     = "GET"
  integration_uri        = "${local.website}/index.html"
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_integration" "assets" {
  api_id                 = var.api_id
  integration_type       = "HTTP_PROXY"
  integration_method     = "GET"
  integration_uri        = "${local.website}/assets/{proxy}"
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_route" "index" {
  api_id             = var.api_id
  route_key          = "GET /"
  authorization_type = "NONE"
  target             = "integrations/${aws_apigatewayv2_integration.index.id}"
}

resource "aws_apigatewayv2_route" "assets" {
  api_id             = var.api_id
  route_key          = "GET /assets/{proxy+}"
  authorization_type = "NONE"
  target             = "integrations/${aws_apigatewayv2_integration.assets.id}"
}
