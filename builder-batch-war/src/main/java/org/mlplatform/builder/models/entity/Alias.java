package org.mlplatform.builder.models.entity;

/** An alias of a model and the version it points at. */
public record Alias(String model, String alias, int version) {
}
