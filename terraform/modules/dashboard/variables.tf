variable "name" {
  description = "Name of the bucket holding the page's files."
  type        = string
}

variable "api_id" {
  description = "The HTTP API that serves the page at / next to the API routes."
  type        = string
}
