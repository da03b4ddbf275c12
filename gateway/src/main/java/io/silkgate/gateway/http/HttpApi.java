package io.silkgate.gateway.http;

import io.silkgate.gateway.metrics.MetricsResource;
import io.silkgate.gateway.soap.DocumentExchangeEndpoint;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngineFactory;

/**
 * The HTTP listener: the REST document API and the metrics (CXF JAX-RS) and the SOAP DocumentExchange service
 * (CXF JAX-WS) on one bus, so the undertow transport serves all of them on the same host and port — over TLS
 * when configured. Every resource on the bus passes the {@link SubmitterGate} and the {@link CamelHeaderFilter}.
 */
public final class HttpApi implements AutoCloseable {

    private final Bus bus;
    private final Server rest;
    private final Server soap;

    /** @param pint the DCSA PINT receiver, or null when {@code pint:} is not configured */
    public HttpApi(ListenerSettings listener, SubmitterGate gate, DocumentsResource documents,
            MetricsResource metrics, DocumentExchangeEndpoint documentExchange, PintResource pint) {
        this.bus = BusFactory.newInstance().createBus();
        bus.getInInterceptors().add(new CamelHeaderFilter());
        bus.getInInterceptors().add(gate);
        String base = listener.scheme() + "://" + listener.host() + ":" + listener.port() + "/";
        Server restServer = null;
        try {
            installEngine(listener);
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(base);
            if (pint == null) {
                factory.setResourceClasses(DocumentsResource.class, MetricsResource.class);
            } else {
                factory.setResourceClasses(DocumentsResource.class, MetricsResource.class, PintResource.class);
                factory.setResourceProvider(PintResource.class, new SingletonResourceProvider(pint, true));
            }
            factory.setResourceProvider(DocumentsResource.class, new SingletonResourceProvider(documents, true));
            factory.setResourceProvider(MetricsResource.class, new SingletonResourceProvider(metrics, true));
            restServer = factory.create();
            this.rest = restServer;
            this.soap = documentExchange.publish(bus, base);
        } catch (RuntimeException e) {
            if (restServer != null) {
                restServer.destroy();
            }
            bus.shutdown(true);
            throw e;
        }
    }

    /** Puts the hardened engine in place for the port before any endpoint makes CXF create a default one. */
    private void installEngine(ListenerSettings listener) {
        UndertowHTTPServerEngineFactory engines = bus.getExtension(UndertowHTTPServerEngineFactory.class);
        if (engines.retrieveUndertowHTTPServerEngine(listener.port()) != null) {
            throw new IllegalStateException("port " + listener.port() + " is already served in this process");
        }
        try {
            engines.setEnginesList(List.of(new HardenedUndertowEngine(listener.host(), listener.port(),
                    listener.tls(), listener.requestTimeout(), listener.maxRequestBytes())));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the HTTP listener: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        soap.stop();
        soap.destroy();
        rest.stop();
        rest.destroy();
        bus.shutdown(true);
    }
}
