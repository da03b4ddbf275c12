package io.silkgate.schemas;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEventHandler;
import javax.xml.transform.Source;
import javax.xml.validation.Schema;

/**
 * One JAXB unmarshaller per thread for a context (and schema), used for one document after another. JAXB's
 * unmarshaller has a {@code finalize} method, so one made per document stayed reachable, with the object tree it
 * had just read, until a collection had run its finalizer: under load that was most of each young collection's
 * pause (keeping the finalizable objects alive, then copying what they reached).
 */
public final class UnmarshallerPerThread {

    private final ThreadLocal<Unmarshaller> perThread;

    /** @param schema checked while reading, or null for none */
    public UnmarshallerPerThread(JAXBContext context, Schema schema) {
        this.perThread = ThreadLocal.withInitial(() -> {
            try {
                Unmarshaller unmarshaller = context.createUnmarshaller();
                unmarshaller.setSchema(schema);
                return unmarshaller;
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot create a JAXB unmarshaller", e);
            }
        });
    }

    /**
     * Reads {@code source} as {@code type}; {@code events} receives this document's validation events (null: JAXB's
     * default, which stops at the first error). After a failure the thread's unmarshaller is replaced, so that no
     * state of a broken document reaches the next one.
     */
    public <T> JAXBElement<T> unmarshal(Source source, Class<T> type, ValidationEventHandler events)
            throws JAXBException {
        Unmarshaller unmarshaller = perThread.get();
        boolean done = false;
        try {
            unmarshaller.setEventHandler(events);
            JAXBElement<T> read = unmarshaller.unmarshal(source, type);
            done = true;
            return read;
        } finally {
            if (done) {
                // the handler belongs to this document's caller
                unmarshaller.setEventHandler(null);
            } else {
                perThread.remove();
            }
        }
    }
}
