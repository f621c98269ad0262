resource "aws_iam_role" "scheduler" {
  name = "${var.name}-scheduler"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "scheduler.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  role = aws_iam_role.scheduler.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = [for s in var.schedules : s.function_arn] }]
  })
}

resource "aws_scheduler_schedule" "job" {
  for_each            = var.schedules
  name                = "${var.name}-${each.key}"
  schedule_expression = each.value.expression
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = each.value.function_arn
    role_arn = aws_iam_role.scheduler.arn
  }
}
