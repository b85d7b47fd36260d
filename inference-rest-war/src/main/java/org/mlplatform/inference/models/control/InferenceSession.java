package org.mlplatform.inference.models.control;

import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.models.entity.Predictions;

/** A loaded model that scores rows; safe for concurrent {@link #run} calls until closed. */
public interface InferenceSession extends AutoCloseable {

    ModelSignature signature();

    /**
     * @param features row-major, {@code rows * signature().featureCount()} values (the array may be longer)
     */
    Predictions run(float[] features, int rows) throws InferenceException;

    /**
     * The same predictions, through the caller's own reusable tensor memory where the graph allows it
     * (one caller at a time per {@code buffers}).
     */
    default Predictions run(float[] features, int rows, TensorBuffers buffers) throws InferenceException {
        return run(features, rows);
    }

    @Override
    void close();
}
