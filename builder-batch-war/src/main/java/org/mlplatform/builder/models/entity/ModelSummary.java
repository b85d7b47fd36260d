package org.mlplatform.builder.models.entity;

import java.util.List;
import java.util.Map;

/** A model in the repository: its versions (ascending), the latest one and its aliases. */
public record ModelSummary(String model, List<Integer> versions, Integer latest, Map<String, Integer> aliases) {
}
