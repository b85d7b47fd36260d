package org.mlplatform.builder.trainings.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.mlplatform.builder.metrics.SubmittedThrough;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.builder.trainings.control.TrainingJobs;
import org.mlplatform.builder.trainings.control.TrainingRequestParser;
import org.mlplatform.builder.trainings.entity.TrainingExecution;

import java.util.logging.Logger;

/**
 * Starts a {@code train-model} job for each text message on the training-requests queue; the body
 * is the JSON of {@code POST /builder/api/trainings}. A message that cannot start a job is rolled
 * back: the broker redelivers it a bounded number of times, then moves it to the dead-letter queue
 * (address settings of wildfly-config), where it can be inspected.
 */
@SubmittedThrough(SubmittedThrough.JMS)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/TrainingRequests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class TrainingRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(TrainingRequestListener.class.getName());

    @Resource
    MessageDrivenContext context;

    @Inject
    TrainingJobs jobs;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new InvalidRequestException("body", "expected a text message with a JSON body, got "
                        + message.getClass().getSimpleName());
            }
            TrainingExecution execution = jobs.start(TrainingRequestParser.parse(text.getText()));
            LOG.info(() -> "training request " + messageId(message) + " started execution " + execution.id());
        } catch (InvalidRequestException e) {
            LOG.warning(() -> "training request " + messageId(message) + " refused (delivery " + deliveryCount(message)
                    + "): " + e.field() + ": " + e.getMessage());
            context.setRollbackOnly();
        } catch (JMSException e) {
            LOG.warning(() -> "training request " + messageId(message) + " unreadable: " + e.getMessage());
            context.setRollbackOnly();
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }

    private static String deliveryCount(Message message) {
        try {
            return message.getStringProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            return "?";
        }
    }
}
