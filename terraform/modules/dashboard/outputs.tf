output "bucket" {
  description = "Where the page's files go: aws s3 sync dashboard/target/classes/META-INF/resources/ s3://<bucket>/"
  value       = aws_s3_bucket.this.bucket
}
