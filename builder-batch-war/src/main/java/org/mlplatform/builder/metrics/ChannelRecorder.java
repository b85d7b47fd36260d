package org.mlplatform.builder.metrics;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Lets {@link SubmissionRecorder} know which door a submission came through (same thread). */
@SubmittedThrough("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ChannelRecorder {

    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @AroundInvoke
    Object recordChannel(InvocationContext invocation) throws Exception {
        SubmittedThrough door = invocation.getMethod().getAnnotation(SubmittedThrough.class);
        if (door == null) {
            door = invocation.getMethod().getDeclaringClass().getAnnotation(SubmittedThrough.class);
        }
        String previous = CURRENT.get();
        CURRENT.set(door == null ? null : door.value());
        try {
            return invocation.proceed();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
