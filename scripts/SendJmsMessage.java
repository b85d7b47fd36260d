import java.util.Properties;

import javax.naming.Context;
import javax.naming.InitialContext;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Sends one text message to a queue of a running server, as a client outside it would:
 * <pre>
 * java -cp $JBOSS_HOME/bin/client/jboss-client.jar scripts/SendJmsMessage.java HOST:PORT USER PASSWORD QUEUE BODY
 * </pre>
 * QUEUE is {@code TrainingRequests} (a training request) or {@code ScoringRequests} (a file to score); USER is
 * an application user in group {@code guest}, the broker's send permission.
 */
public class SendJmsMessage {

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: SendJmsMessage HOST:PORT USER PASSWORD QUEUE BODY");
            System.exit(2);
        }
        Properties environment = new Properties();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
        environment.put(Context.PROVIDER_URL, "http-remoting://" + args[0]);
        environment.put(Context.SECURITY_PRINCIPAL, args[1]);
        environment.put(Context.SECURITY_CREDENTIALS, args[2]);
        InitialContext naming = new InitialContext(environment);
        try {
            ConnectionFactory factory = (ConnectionFactory) naming.lookup("jms/RemoteConnectionFactory");
            try (JMSContext context = factory.createContext(args[1], args[2])) {
                context.createProducer().send(context.createQueue(args[3]), args[4]);
            }
        } finally {
            naming.close();
        }
        System.out.println("sent to " + args[3]);
    }
}
