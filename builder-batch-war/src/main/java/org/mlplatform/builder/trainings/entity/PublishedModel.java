package org.mlplatform.builder.trainings.entity;

/** The model version a training job published. */
public record PublishedModel(String model, int version) {
}
