"""The Kemendagri region hierarchy: how its codes relate (`codes`)."""
