package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.Ledger;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.sign.DetachedJwsSigner;
import io.silkgate.sign.XadesSigner;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliver step for one partner: translate a copy of the original, sign it (XAdES inside the document where its format
 * has a place, a compact JWS around JSON for partners that want it, and the gateway's detached JWS over the body), hand
 * it to the partner's transport, and record the outcome.
 *
 * <p>The attempts are the ledger's, not the broker's delivery count: the broker also counts deliveries that never
 * reached this processor (a consumer closed while a message was on its way to it). On the last attempt the
 * gateway itself moves the message to the partner's dead-letter queue, in the consumer's transaction, so the
 * ledger and the dead-letter queue agree; the broker's own limit is only a backstop above it.
 */
public final class PartnerDelivery implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDelivery.class);
    private static final String JSON = "application/json";
    private static final String JOSE = "application/jose";
    /** The ledger's attempt count when this message was queued (an operator's re-drive); absent: none before. */
    static final String ATTEMPTS_BEFORE = "SilkgateAttemptsBefore";
    static final String DEAD_LETTER_REASON = "SilkgateDeadLetterReason";

    private final DeliveryTarget target;
    private final Ledger ledger;
    private final DocumentArchive archive;
    private final DocumentTranslator translator;
    private final DetachedJwsSigner signer;
    private final XadesSigner xmlSigner;
    private final PartnerTransport transport;
    private final PartnerControl control;
    private final Clock clock;

    public PartnerDelivery(DeliveryTarget target, Ledger ledger, DocumentArchive archive, DocumentTranslator translator,
            DetachedJwsSigner signer, PartnerTransport transport, PartnerControl control, Clock clock) {
        this(target, ledger, archive, translator, signer, null, transport, control, clock);
    }

    /** @param xmlSigner signs converted XML documents whose format has a place for it; null: the detached JWS only */
    public PartnerDelivery(DeliveryTarget target, Ledger ledger, DocumentArchive archive, DocumentTranslator translator,
            DetachedJwsSigner signer, XadesSigner xmlSigner, PartnerTransport transport, PartnerControl control,
            Clock clock) {
        this.target = target;
        this.xmlSigner = xmlSigner;
        this.ledger = ledger;
        this.archive = archive;
        this.translator = translator;
        this.signer = signer;
        this.transport = transport;
        this.control = control;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Message jms = in.getJmsMessage();
        String deliveryId = jms.getStringProperty(DeliveryQueue.DELIVERY_ID);
        Optional<DeliveryRecord> row = deliveryId == null ? Optional.empty() : ledger.findDelivery(deliveryId);
        if (row.isEmpty() || row.get().status().isFinal()) {
            LOG.debug("delivery {} already finished or unknown; message acknowledged", deliveryId);
            return;
        }
        int attemptsBefore = jms.propertyExists(ATTEMPTS_BEFORE) ? jms.getIntProperty(ATTEMPTS_BEFORE) : 0;
        DeliveryRecord delivery = ledger.startAttempt(deliveryId);
        int attempt = delivery.attempts() - attemptsBefore;
        try {
            DocumentRecord doc = send(delivery);
            ledger.markDelivered(deliveryId, "acknowledged by " + target.partner());
            control.delivered(doc.receivedAt());
            LOG.info("delivered document {} to {} (attempt {})", delivery.documentId(), target.partner(),
                    delivery.attempts());
        } catch (DeliveryRejectedException e) {
            // a signed refusal is final: trying again would be refused again (and could look like a double spend)
            control.failed(true);
            ledger.markDeadLettered(deliveryId, e.getMessage());
            LOG.warn("dead-lettered document {} for {}: the partner refused it: {}", delivery.documentId(),
                    target.partner(), e.getMessage());
        } catch (DeliveryFailedException e) {
            failed(in, delivery, attempt, e.getMessage(), e);
        } catch (RuntimeException e) {
            failed(in, delivery, attempt, e.toString(), e);
        }
    }

    private DocumentRecord send(DeliveryRecord delivery) {
        DocumentRecord doc = ledger.findDocument(delivery.documentId()).orElseThrow(() ->
                new DeliveryFailedException("document " + delivery.documentId() + " is missing from the ledger"));
        byte[] original = archive.read(doc.id()).orElseThrow(() ->
                new DeliveryFailedException("original of document " + doc.id() + " is missing from the archive"));
        Translation t = translator.translate(original, doc.format(), target.format());
        // The submitter's signed original passes through untouched; a converted copy carries the gateway's signature.
        byte[] body = t.body();
        if (xmlSigner != null && t.report() != null) {
            body = xmlSigner.sign(body, target.format()).orElse(body);
        }
        String mediaType = FormatCatalogue.require(target.format()).mediaType();
        if (target.jwsEnvelope() && JSON.equals(mediaType)) {
            // the JSON is the JWS payload byte for byte; the detached header then covers the JWS text
            body = signer.signAttached(body).getBytes(StandardCharsets.US_ASCII);
            mediaType = JOSE;
        }
        transport.send(new OutboundDocument(doc.id(), doc.format(), target.format(), mediaType, body,
                signer.sign(body), t.droppedTerms()));
        return doc;
    }

    /**
     * Records a failed attempt. Before the last one it rethrows, so the transaction rolls back and the broker
     * redelivers after its back-off; on the last one it dead-letters and returns, so the consumer's commit takes
     * the message off the queue and puts it on the dead-letter queue at once.
     */
    private void failed(JmsMessage in, DeliveryRecord delivery, int attempt, String error, RuntimeException cause)
            throws JMSException {
        boolean last = attempt >= target.maxAttempts();
        control.failed(last);
        if (!last) {
            int brokerAttempt = in.getJmsMessage().getIntProperty("JMSXDeliveryCount");
            ledger.markRetrying(delivery.id(), error, clock.instant().plus(target.delayAfter(brokerAttempt)));
            LOG.warn("delivery of document {} to {} failed (attempt {} of {}), will retry: {}",
                    delivery.documentId(), target.partner(), attempt, target.maxAttempts(), error);
            throw cause;
        }
        // the copy is sent first: should the ledger write fail, the rollback takes the copy back as well
        sendToDeadLetterQueue(in.getJmsSession(), delivery, error);
        ledger.markDeadLettered(delivery.id(), error);
        LOG.warn("dead-lettered document {} for {} after {} attempts: {}", delivery.documentId(), target.partner(),
                attempt, error);
    }

    private void sendToDeadLetterQueue(Session session, DeliveryRecord delivery, String error) throws JMSException {
        try (MessageProducer producer = session.createProducer(
                session.createQueue(QueuedDelivery.deadLetterQueueOf(target.partner())))) {
            TextMessage copy = DeliveryQueue.deliveryMessage(session, delivery.id(), delivery.documentId());
            copy.setStringProperty(DEAD_LETTER_REASON, error);
            producer.send(copy);
        }
    }
}
