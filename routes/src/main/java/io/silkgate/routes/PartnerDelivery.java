package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.Ledger;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.sign.DetachedJwsSigner;
import io.silkgate.sign.XadesSigner;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
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
 * it to the partner's transport, and record the outcome. The ledger says DEAD_LETTERED on the last attempt the
 * broker will make, so the ledger and the dead-letter queue agree.
 */
public final class PartnerDelivery implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDelivery.class);
    private static final String JSON = "application/json";
    private static final String JOSE = "application/jose";

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
        Message jms = exchange.getIn(JmsMessage.class).getJmsMessage();
        String deliveryId = jms.getStringProperty(DeliveryQueue.DELIVERY_ID);
        int brokerAttempt = jms.getIntProperty("JMSXDeliveryCount");
        Optional<DeliveryRecord> row = deliveryId == null ? Optional.empty() : ledger.findDelivery(deliveryId);
        if (row.isEmpty() || row.get().status().isFinal()) {
            LOG.debug("delivery {} already finished or unknown; message acknowledged", deliveryId);
            return;
        }
        DeliveryRecord delivery = ledger.startAttempt(deliveryId);
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
            recordFailure(delivery, brokerAttempt, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            recordFailure(delivery, brokerAttempt, e.toString());
            throw e;
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

    private void recordFailure(DeliveryRecord delivery, int brokerAttempt, String error) {
        boolean last = brokerAttempt >= target.maxAttempts();
        control.failed(last);
        if (last) {
            ledger.markDeadLettered(delivery.id(), error);
            LOG.warn("dead-lettered document {} for {} after {} attempts: {}", delivery.documentId(),
                    target.partner(), brokerAttempt, error);
        } else {
            ledger.markRetrying(delivery.id(), error, clock.instant().plus(target.delayAfter(brokerAttempt)));
            LOG.warn("delivery of document {} to {} failed (attempt {} of {}), will retry: {}",
                    delivery.documentId(), target.partner(), brokerAttempt, target.maxAttempts(), error);
        }
    }
}
