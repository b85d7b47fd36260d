package org.mlplatform.builder.models.entity;

import java.util.List;

/** A version of a model and the aliases that point at it. */
public record VersionSummary(String model, int version, List<String> aliases) {
}
