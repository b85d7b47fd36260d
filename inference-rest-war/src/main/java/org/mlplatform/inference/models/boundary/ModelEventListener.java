package org.mlplatform.inference.models.boundary;

import java.io.StringReader;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Applies model events from the {@code ModelEvents} topic (defined by the server configuration):
 * {@code version-published} and {@code alias-changed} both resynchronise the named model at once.
 * Malformed messages are logged and dropped: redelivering them would not make them readable.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/topic/ModelEvents"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge")
})
public class ModelEventListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ModelEventListener.class.getName());

    @EJB
    RepositoryWatcher watcher;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                LOG.warning(() -> "ignoring a non-text model event " + message);
                return;
            }
            JsonObject event;
            try (JsonReader reader = Json.createReader(new StringReader(text.getText()))) {
                event = reader.readObject();
            }
            String model = event.getString("model");
            LOG.info(() -> "model event " + event);
            watcher.modelChanged(model);
        } catch (JMSException | JsonException | IllegalStateException | NullPointerException | ClassCastException e) {
            LOG.warning(() -> "ignoring an unreadable model event: " + e);
        }
    }
}
