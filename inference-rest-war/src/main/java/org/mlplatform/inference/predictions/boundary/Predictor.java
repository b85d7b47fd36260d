package org.mlplatform.inference.predictions.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.mlplatform.inference.metrics.RecordsInference;
import org.mlplatform.inference.models.control.InferenceException;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.TensorBuffers;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.FeatureMatrix;

/**
 * Runs one inference. Its instance pool (strict-max-pool {@code inference-predictor-pool}, bound in
 * jboss-ejb3.xml, sized and timed by the server configuration) bounds how many inferences run at
 * once; a caller that gets no instance within the pool's acquisition timeout is refused with 503.
 * <p>
 * Each pooled instance holds the native memory ONNX Runtime reads its input from and writes its
 * outputs to ({@link TensorBuffers}), reused from call to call; the pool's size bounds it.
 * Pooled instances hold no session of their own: all of them share the version's one
 * {@code OrtSession}, whose {@code run} is thread-safe. Measured on 2 cores (SessionSharingBenchmark,
 * docs/benchmarks.md), a session per thread is no faster than one shared session from 1 to 8
 * threads, while it would multiply memory and load time by the pool size and make a hot swap
 * reload every instance. No transaction: inference touches no transactional resource.
 */
@Stateless
@RecordsInference
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Predictor {

    private final TensorBuffers buffers = new TensorBuffers();

    public Predictions predict(ModelLease lease, FeatureMatrix features) throws InferenceException {
        return lease.version().session().run(features.values(), features.rows(), buffers);
    }
}
