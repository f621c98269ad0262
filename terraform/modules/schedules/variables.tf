variable "name" {
  description = "Prefix of the schedules' names."
  type        = string
}

variable "schedules" {
  description = "Job name => { function_arn, expression (rate(...) or cron(...)) }."
  type = map(object({
    function_arn = string
    expression   = string
  }))
}
