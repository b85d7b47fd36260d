package org.mlplatform.inference.predictions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.FeatureMatrix;

/**
 * What a client sees when every pooled {@link Predictor} is busy: the container's instance-acquisition
 * timeout (an {@link EJBException} without a cause) becomes 503 with {@code Retry-After}, while a
 * failure inside the bean is not mistaken for it.
 */
class PoolExhaustionTest {

    @Test
    void aPoolTimeoutIsAnsweredWith503AndRetryAfter() {
        Predictor exhaustedPool = failingWith(new EJBException("WFLYEJB0241: EJB 3.1 PFD2 4.8.5.5 violation"));

        var busy = assertThrows(ServiceUnavailableException.class,
                () -> PredictionsResource.run(exhaustedPool, null, null));

        assertEquals(503, busy.getResponse().getStatus());
        assertEquals("1", busy.getResponse().getHeaderString("Retry-After"));
    }

    @Test
    void aFailureInsideTheBeanIsNotReportedAsBusy() {
        EJBException failure = new EJBException(new IllegalStateException("session closed"));
        Predictor broken = failingWith(failure);

        assertSame(failure, assertThrows(EJBException.class, () -> PredictionsResource.run(broken, null, null)));
    }

    private static Predictor failingWith(EJBException exception) {
        return new Predictor() {
            @Override
            public Predictions predict(ModelLease lease, FeatureMatrix features) {
                throw exception;
            }
        };
    }
}
