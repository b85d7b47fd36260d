package org.mlplatform.inference.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.mlplatform.inference.models.control.ModelLease;

/** Remembers, for the request's labels, which model and version number a lease resolved to. */
@RecordsLease
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LeaseRecorder {

    @Inject
    InferenceMetrics metrics;

    @AroundInvoke
    Object recordLease(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (result instanceof ModelLease lease && metrics.enabled()) {
            LeasedVersion.set(lease.version().metadata().model(), lease.version().version());
        }
        return result;
    }
}
