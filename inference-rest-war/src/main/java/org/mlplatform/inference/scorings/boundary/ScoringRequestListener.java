package org.mlplatform.inference.scorings.boundary;

import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.mlplatform.inference.scorings.control.ScoringException;
import org.mlplatform.inference.scorings.control.ScoringJobs;
import org.mlplatform.inference.scorings.control.ScoringRequestParser;
import org.mlplatform.inference.scorings.entity.ScoringExecution;

/**
 * Starts a {@code score-file} job for each text message on the {@code ScoringRequests} queue
 * (defined by the server configuration); the body is the JSON of {@code POST /api/scorings}. A
 * message that cannot start a job is rolled back: the broker redelivers it a bounded number of
 * times, then moves it to the dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ScoringRequests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class ScoringRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ScoringRequestListener.class.getName());

    @Resource
    MessageDrivenContext context;

    @Inject
    ScoringJobs jobs;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw ScoringException.invalid("body", "expected a text message with a JSON body, got " + message.getClass().getSimpleName());
            }
            ScoringExecution execution = jobs.start(ScoringRequestParser.parse(text.getText()));
            LOG.info(() -> "scoring request " + messageId(message) + " started execution " + execution.id());
        } catch (ScoringException e) {
            LOG.warning(() -> "scoring request " + messageId(message) + " refused: " + (e.field() == null ? "" : e.field() + ": ")
                    + e.getMessage());
            context.setRollbackOnly();
        } catch (JMSException e) {
            LOG.warning(() -> "scoring request " + messageId(message) + " unreadable: " + e.getMessage());
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
}
