output "schedule_names" {
  description = "The schedules, by job."
  value       = { for job, s in aws_scheduler_schedule.job : job => s.name }
}
