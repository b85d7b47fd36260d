package org.mlplatform.inference.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.entity.Predictions;

/**
 * Around the pooled Predictor's {@code predict(lease, features)}: the pool has handed out an
 * instance (a slot) before this runs, so the call's span is one slot in use and one ONNX Runtime run.
 */
@RecordsInference
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class InferenceRecorder {

    @Inject
    InferenceMetrics metrics;

    @AroundInvoke
    Object recordInference(InvocationContext invocation) throws Exception {
        if (!metrics.enabled() || !(invocation.getParameters().length > 0 && invocation.getParameters()[0] instanceof ModelLease lease)) {
            return invocation.proceed();
        }
        metrics.slotTaken();
        long start = System.nanoTime();
        try {
            Object result = invocation.proceed();
            if (result instanceof Predictions predictions) {
                metrics.inference(lease.version().metadata().model(), lease.version().version(), predictions.rows(), System.nanoTime() - start);
            }
            return result;
        } finally {
            metrics.slotReleased();
        }
    }
}
