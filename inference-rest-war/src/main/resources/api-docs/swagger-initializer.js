// Swagger UI over the server's MicroProfile OpenAPI documents: the inference service's (/openapi) and,
// when the builder is deployed on the same server, the builder's (/builder/openapi). "Try it out"
// calls this same server.
window.onload = function () {
    window.ui = SwaggerUIBundle({
        urls: [
            {url: "/openapi?format=JSON", name: "Inference"},
            {url: "/builder/openapi?format=JSON", name: "Model builder"}
        ],
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "StandaloneLayout"
    });
};
