package org.mlplatform.builder.trainings.entity;

import java.time.Instant;

/** How one step of a training job went, in the latest execution that ran it. */
public record StepStatus(String name, String status, String exitStatus, long executionId, Instant started,
                         Instant ended) {
}
