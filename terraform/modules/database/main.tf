resource "random_password" "master" {
  count   = var.create ? 1 : 0
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "database" {
  count = var.create ? 1 : 0
  name  = "${var.name}-database"
}

resource "aws_secretsmanager_secret_version" "database" {
  count         = var.create ? 1 : 0
  secret_id     = aws_secretsmanager_secret.database[0].id
  secret_string = jsonencode({ username = "campaigns", password = random_password.master[0].result })
}

resource "aws_db_subnet_group" "this" {
  count      = var.create ? 1 : 0
  name       = "${var.name}-database"
  subnet_ids = var.subnet_ids
}

resource "aws_rds_cluster" "this" {
  count                     = var.create ? 1 : 0
  cluster_identifier        = "${var.name}-database"
  engine                    = "aurora-postgresql"
  engine_version            = "15.8"
  database_name             = "campaigns"
  master_username           = "campaigns"
  master_password           = random_password.master[0].result
  db_subnet_group_name      = aws_db_subnet_group.this[0].name
  vpc_security_group_ids    = var.security_group_ids
  storage_encrypted         = true
  final_snapshot_identifier = "${var.name}-database-final"
  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = var.max_capacity
  }
}

resource "aws_rds_cluster_instance" "this" {
  count              = var.create ? 1 : 0
  cluster_identifier = aws_rds_cluster.this[0].id
  engine             = aws_rds_cluster.this[0].engine
  instance_class     = "db.serverless"
}

resource "aws_iam_role" "proxy" {
  count = var.create ? 1 : 0
  name  = "${var.name}-database-proxy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "rds.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "read-database-secret"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = aws_secretsmanager_secret.database[0].arn }]
    })
  }
}

resource "aws_db_proxy" "this" {
  count                  = var.create ? 1 : 0
  name                   = "${var.name}-proxy"
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy[0].arn
  vpc_subnet_ids         = var.subnet_ids
  vpc_security_group_ids = var.security_group_ids
  require_tls            = true
  auth {
    auth_scheme = "SECRETS"
    secret_arn  = aws_secretsmanager_secret.database[0].arn
    iam_auth    = "DISABLED"
  }
}

resource "aws_db_proxy_default_target_group" "this" {
  count         = var.create ? 1 : 0
  db_proxy_name = aws_db_proxy.this[0].name
  connection_pool_config {
    max_connections_percent = 90
  }
}

resource "aws_db_proxy_target" "this" {
  count                 = var.create ? 1 : 0
  db_proxy_name         = aws_db_proxy.this[0].name
  target_group_name     = aws_db_proxy_default_target_group.this[0].name
  db_cluster_identifier = aws_rds_cluster.this[0].id
}

data "aws_secretsmanager_secret_version" "credentials" {
  secret_id  = var.create ? aws_secretsmanager_secret.database[0].id : var.existing_secret_arn
  depends_on = [aws_secretsmanager_secret_version.database]
}
