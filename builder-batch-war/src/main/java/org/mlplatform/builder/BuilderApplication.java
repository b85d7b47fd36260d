package org.mlplatform.builder;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The builder's REST API under {@code /builder/api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Model builder", version = "1.0",
        description = "Trains L2 logistic regression models with the train-model batch job and manages the model registry."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An application user with role model-admin; needed for every write.")
public class BuilderApplication extends Application {
}
