"""Every marshmallow schema of the HTTP API, request and response, one module per
resource, with the shared fields and the list-query and page schemas."""
