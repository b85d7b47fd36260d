package org.mlplatform.builder.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.mlplatform.builder.trainings.entity.TrainingExecution;

/**
 * Counts each execution the application starts, under the channel of the door it came through: the
 * JMS listener is marked {@code @SubmittedThrough("jms")}; the REST resources, which are not CDI
 * beans (no interceptors), are the unmarked rest.
 */
@CountsSubmission
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SubmissionRecorder {

    @Inject
    BuilderMetrics metrics;

    @AroundInvoke
    Object recordSubmission(InvocationContext invocation) throws Exception {
        if (!metrics.enabled()) {
            return invocation.proceed();
        }
        String channel = ChannelRecorder.CURRENT.get();
        Long executionId = null;
        metrics.submissionStarting();
        try {
            Object result = invocation.proceed();
            if (result instanceof TrainingExecution execution) {
                executionId = execution.id();
            }
            return result;
        } finally {
            metrics.submissionEnded(executionId, channel == null ? SubmittedThrough.REST : channel);
        }
    }
}
