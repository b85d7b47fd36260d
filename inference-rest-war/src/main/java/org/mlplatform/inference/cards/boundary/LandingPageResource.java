package org.mlplatform.inference.cards.boundary;

import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mlplatform.inference.cards.control.LandingPage;
import org.mlplatform.inference.models.control.ModelState;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.repository.ModelMetadata;

/**
 * The context root {@code /}: the served models with links to their cards, the API documentation
 * and the API (the WAR's JAX-RS application owns {@code /}, so a resource answers it).
 */
@Path("")
public class LandingPageResource {

    @Inject
    ServedModels served;

    @GET
    @Produces(ModelCardsResource.HTML)
    @Operation(hidden = true)
    public Response landing() {
        List<LandingPage.Model> models = served.states().stream().sorted(Comparator.comparing(ModelState::model))
                .map(LandingPageResource::listing).toList();
        return ModelCardsResource.html(LandingPage.render(models));
    }

    private static LandingPage.Model listing(ModelState state) {
        TreeMap<Integer, ModelMetadata> versions = new TreeMap<>();
        state.loaded().forEach((version, loaded) -> versions.put(version, loaded.metadata()));
        return new LandingPage.Model(state.model(), versions, state.aliases(), state.failures());
    }
}
