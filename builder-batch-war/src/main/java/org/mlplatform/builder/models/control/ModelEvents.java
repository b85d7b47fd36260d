package org.mlplatform.builder.models.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Announces changes of the model repository on the model-events topic: a text message with a JSON
 * body and the string properties {@code event} and {@code model} for selectors. A stateless bean,
 * so the message is sent in a transaction and the injected context has a scope in batch threads too.
 */
@Stateless
public class ModelEvents {

    public static final String VERSION_PUBLISHED = "version-published";
    public static final String ALIAS_CHANGED = "alias-changed";

    @Inject
    JMSContext context;

    @Resource(lookup = "java:/jms/topic/ModelEvents")
    Topic topic;

    public void versionPublished(String model, int version) {
        send(VERSION_PUBLISHED, model, Json.createObjectBuilder()
                .add("event", VERSION_PUBLISHED).add("model", model).add("version", version).build());
    }

    public void aliasChanged(String model, String alias, int version) {
        send(ALIAS_CHANGED, model, Json.createObjectBuilder()
                .add("event", ALIAS_CHANGED).add("model", model).add("alias", alias).add("version", version).build());
    }

    private void send(String event, String model, JsonObject body) {
        context.createProducer()
                .setProperty("event", event)
                .setProperty("model", model)
                .send(topic, body.toString());
    }
}
