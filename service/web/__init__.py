"""The Flask side of newsfacts: auth, CORS, rate limits, logs, request metrics,
security headers, and problem+json errors. The resources are in `service.api`."""
