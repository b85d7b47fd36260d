package org.mlplatform.inference.predictions.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The WAR owns context root {@code /}: {@code /api/...} for this service's REST API, {@code /v2/...} for the OIP. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "Model platform inference service", version = "1.0",
                description = "Predictions from the ONNX models of the model repository, as JSON, CSV or multipart uploads, "
                        + "and the Open Inference Protocol (KServe V2) REST API."),
        tags = {
                @Tag(name = "predictions", description = "Score rows with a model version"),
                @Tag(name = "models", description = "What is served, and reloading it"),
                @Tag(name = "open-inference-protocol", description = "KServe V2 / Triton compatible REST API")
        })
public class InferenceApplication extends Application {
}
