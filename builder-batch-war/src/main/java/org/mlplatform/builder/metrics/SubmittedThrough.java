package org.mlplatform.builder.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/** On a door of the builder (REST resource, JMS listener): jobs it submits count under this {@code channel}. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SubmittedThrough {

    String REST = "rest";
    String JMS = "jms";
    /** Started by the batch subsystem's management operations: HAL console or jboss-cli. */
    String CONSOLE = "console";

    @Nonbinding
    String value();
}
