// Swagger UI over the server's MicroProfile OpenAPI document; "Try it out" calls this same server.
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: "/openapi?format=JSON",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "StandaloneLayout"
    });
};
