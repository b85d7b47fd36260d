package org.mlplatform.builder.models.entity;

/** Body of {@code PUT .../aliases/{alias}}: the version the alias points at. */
public record AliasTarget(Integer version) {
}
