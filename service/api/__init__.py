"""HTTP resources: one blueprint module per resource, thin views; schemas: service.schemas."""
