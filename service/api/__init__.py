"""HTTP resources: one blueprint module per resource, schemas beside it."""
