variable "name" {
  description = "Name of the bucket."
  type        = string
}

variable "expire_days" {
  description = "Days after which any export file left behind is deleted (jobs delete theirs after one day)."
  type        = number
  default     = 2
}
