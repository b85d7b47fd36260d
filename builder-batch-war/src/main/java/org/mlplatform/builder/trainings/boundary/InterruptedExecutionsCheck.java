package org.mlplatform.builder.trainings.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.mlplatform.builder.trainings.control.InterruptedExecutions;

/**
 * When the builder starts (with its server, or deployed again), fails the training executions this
 * server left running when it died, before any client can see them as {@code STARTED}.
 */
@Singleton
@Startup
public class InterruptedExecutionsCheck {

    @Inject
    InterruptedExecutions interrupted;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void failExecutionsLeftRunning() {
        interrupted.failLeftRunning();
    }
}
